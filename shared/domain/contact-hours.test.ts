import { describe, expect, it } from 'vitest';
import { createBankCalendar } from './bank-calendar';
import { clockToMinute, contactRuleFor, instantOf, isWithinContactHours, localTimeIn, minuteToClock, nextContactSlot, RIO_DE_JANEIRO_RULE, SAO_PAULO_RULE, timeZoneFor, type ContactHoursRule } from './contact-hours';

const sp = createBankCalendar('SP');
const SP = contactRuleFor('SP');
const at = (date: string, hh: number, mm = 0) => ({ date, minute: hh * 60 + mm });

describe('contact hours (São Paulo default)', () => {
  it('allows weekdays 08–20h and Saturday 08–14h, never Sundays or holidays', () => {
    expect(isWithinContactHours(at('2026-11-25', 8), SP, sp)).toBe(true);
    expect(isWithinContactHours(at('2026-11-25', 7, 59), SP, sp)).toBe(false);
    expect(isWithinContactHours(at('2026-11-25', 19, 59), SP, sp)).toBe(true);
    expect(isWithinContactHours(at('2026-11-25', 20), SP, sp)).toBe(false);
    expect(isWithinContactHours(at('2026-11-28', 13, 59), SP, sp)).toBe(true);
    expect(isWithinContactHours(at('2026-11-28', 14), SP, sp)).toBe(false);
    expect(isWithinContactHours(at('2026-11-29', 10), SP, sp)).toBe(false); // Sunday
    expect(isWithinContactHours(at('2026-11-20', 10), SP, sp)).toBe(false); // Consciência Negra
  });

  it('finds the next slot: later today, tomorrow morning, or after a weekend/holiday', () => {
    expect(nextContactSlot(at('2026-11-25', 6), SP, sp)).toEqual(at('2026-11-25', 8));
    expect(nextContactSlot(at('2026-11-25', 23), SP, sp)).toEqual(at('2026-11-26', 8));
    expect(nextContactSlot(at('2026-11-28', 15), SP, sp)).toEqual(at('2026-11-30', 8));
    expect(nextContactSlot(at('2026-11-19', 21), SP, sp)).toEqual(at('2026-11-21', 8));
    expect(nextContactSlot(at('2026-11-25', 10), SP, sp)).toEqual(at('2026-11-25', 10));
  });

  it('uses Rio de Janeiro’s business days 09–19h', () => {
    const rj = contactRuleFor('RJ');
    const cal = createBankCalendar('RJ');
    expect(isWithinContactHours(at('2026-11-28', 10), rj, cal)).toBe(false);
    expect(nextContactSlot(at('2026-11-27', 19), rj, cal)).toEqual(at('2026-11-30', 9));
  });

  it('converts between instants and the debtor’s wall clock', () => {
    expect(localTimeIn(new Date('2026-11-25T23:30:00Z'), 'America/Sao_Paulo')).toEqual(at('2026-11-25', 20, 30));
    expect(localTimeIn(new Date('2026-11-26T02:30:00Z'), 'America/Sao_Paulo')).toEqual(at('2026-11-25', 23, 30));
    expect(instantOf(at('2026-11-26', 8), 'America/Sao_Paulo').toISOString()).toBe('2026-11-26T11:00:00.000Z');
    expect(instantOf(at('2026-11-26', 8), timeZoneFor('AM')).toISOString()).toBe('2026-11-26T12:00:00.000Z');
  });
});

describe('contact hours set by the company per UF', () => {
  const h = (from: number, to: number) => ({ startMinute: from * 60, endMinute: to * 60 });
  const MG: ContactHoursRule = { byWeekday: [null, h(10, 12), h(10, 12), h(10, 12), h(10, 12), h(10, 12), null] };

  it('the company\'s window replaces that UF\'s rule only; RJ keeps its law, the rest and an unknown UF follow SP', () => {
    const company = { MG };
    expect(contactRuleFor('MG', company)).toBe(MG);
    expect(contactRuleFor('RJ', company)).toBe(RIO_DE_JANEIRO_RULE);
    expect(contactRuleFor('BA', company)).toBe(SAO_PAULO_RULE);
    expect(contactRuleFor(null, company)).toBe(SAO_PAULO_RULE);
    expect(contactRuleFor('RJ', { RJ: MG })).toBe(MG);
  });

  it('a company window still closes on holidays and moves to the next open day', () => {
    const mg = createBankCalendar('MG');
    expect(isWithinContactHours(at('2026-11-25', 11, 59), MG, mg)).toBe(true);
    expect(isWithinContactHours(at('2026-11-25', 12), MG, mg)).toBe(false);
    expect(nextContactSlot(at('2026-11-25', 12), MG, mg)).toEqual(at('2026-11-26', 10));
    expect(nextContactSlot(at('2026-11-19', 13), MG, mg)).toEqual(at('2026-11-23', 10)); // 20/11 holiday, then the weekend
  });

  it('converts minutes to and from the clock text of a time input', () => {
    expect([0, 480, 845, 1440].map(minuteToClock)).toEqual(['00:00', '08:00', '14:05', '24:00']);
    expect(['08:00', '8:30', '24:00', '00:00'].map(clockToMinute)).toEqual([480, 510, 1440, 0]);
    expect(['', '8h', '25:00', '10:60', '24:01'].map(clockToMinute)).toEqual([null, null, null, null, null]);
  });
});
