import { describe, it, expect } from 'vitest';
import { createBankCalendar } from './bank-calendar';

describe('createBankCalendar (national)', () => {
  const cal = createBankCalendar();

  it.each([
    ['2026-01-01', 'Ano Novo'],
    ['2026-02-16', 'Carnaval segunda'],
    ['2026-02-17', 'Carnaval terça'],
    ['2026-04-03', 'Sexta-feira Santa'],
    ['2026-04-21', 'Tiradentes'],
    ['2026-05-01', 'Dia do Trabalho'],
    ['2026-06-04', 'Corpus Christi'],
    ['2026-09-07', 'Independência'],
    ['2026-10-12', 'Aparecida'],
    ['2026-11-02', 'Finados'],
    ['2026-11-20', 'Consciência Negra'],
    ['2026-12-25', 'Natal'],
    ['2026-12-31', 'sem expediente bancário'],
    ['2027-12-31', 'sem expediente bancário'],
    ['2026-02-14', 'sábado'],
    ['2026-02-15', 'domingo'],
  ])('%s is not a business day (%s)', (iso) => {
    expect(cal.isBusinessDay(iso)).toBe(false);
  });

  it.each(['2026-02-18', '2026-02-13', '2026-06-05', '2026-11-19', '2026-11-23', '2026-12-24', '2026-12-30', '2026-07-09'])(
    '%s is a business day',
    (iso) => {
      expect(cal.isBusinessDay(iso)).toBe(true);
    },
  );

  it('isHoliday ignores weekends', () => {
    expect(cal.isHoliday('2026-11-20')).toBe(true);
    expect(cal.isHoliday('2026-02-14')).toBe(false);
    expect(cal.holidaysOf(2026).has('2026-02-16')).toBe(true);
  });

  it('nextBusinessDay / previousBusinessDay', () => {
    expect(cal.nextBusinessDay('2026-11-25')).toBe('2026-11-25');
    expect(cal.nextBusinessDay('2026-02-14')).toBe('2026-02-18'); // Sat → past Carnival
    expect(cal.nextBusinessDay('2026-11-20')).toBe('2026-11-23');
    expect(cal.nextBusinessDay('2026-12-31')).toBe('2027-01-04');
    expect(cal.nextBusinessDay('2026-04-03')).toBe('2026-04-06');
    expect(cal.previousBusinessDay('2026-02-17')).toBe('2026-02-13');
    expect(cal.previousBusinessDay('2026-11-25')).toBe('2026-11-25');
  });

  it('addBusinessDays', () => {
    expect(cal.addBusinessDays('2026-11-19', 1)).toBe('2026-11-23');
    expect(cal.addBusinessDays('2026-02-13', 1)).toBe('2026-02-18');
    expect(cal.addBusinessDays('2026-12-28', 5)).toBe('2027-01-06'); // Súmula 548 timer over the year end
    expect(cal.addBusinessDays('2026-02-18', -1)).toBe('2026-02-13');
    expect(cal.addBusinessDays('2026-02-14', 0)).toBe('2026-02-14');
    expect(cal.addBusinessDays('2026-02-14', 1)).toBe('2026-02-18');
    expect(cal.addBusinessDays('2026-11-02', 10)).toBe('2026-11-16'); // 3–6, 9–13, 16 (15th: Sunday)
    expect(() => cal.addBusinessDays('2026-11-02', 0.5)).toThrow();
  });

  it('throws on invalid dates', () => {
    expect(() => cal.isBusinessDay('2026-02-30')).toThrow();
  });
});

describe('createBankCalendar (state and city)', () => {
  it('adds state holidays and keeps the national 20 November in SP', () => {
    const sp = createBankCalendar('SP');
    expect(sp.uf).toBe('SP');
    expect(sp.isBusinessDay('2026-07-09')).toBe(false); // Revolução Constitucionalista
    expect(sp.isBusinessDay('2026-11-20')).toBe(false);
    expect(sp.isBusinessDay('2026-02-16')).toBe(false);
    expect(createBankCalendar().isBusinessDay('2026-07-09')).toBe(true);
  });
  it('keeps 20 November in AM and MT too', () => {
    expect(createBankCalendar('AM').isBusinessDay('2026-11-20')).toBe(false);
    expect(createBankCalendar('MT').isBusinessDay('2026-11-20')).toBe(false);
  });
  it('adds city holidays when the city is known', () => {
    const spCity = createBankCalendar('sp', 'São Paulo');
    expect(spCity.region).toBe('SP');
    expect(spCity.isBusinessDay('2027-01-25')).toBe(false); // aniversário da cidade (Monday)
    expect(createBankCalendar('SP').isBusinessDay('2027-01-25')).toBe(true);
    const bh = createBankCalendar('MG', 'belo horizonte');
    expect(bh.region).toBe('BH');
    expect(bh.isBusinessDay('2026-12-08')).toBe(false);
    const rj = createBankCalendar('RJ');
    expect(rj.isBusinessDay('2026-04-23')).toBe(false); // São Jorge
  });
  it('ignores unknown cities and rejects invalid UFs', () => {
    const cal = createBankCalendar('SP', 'Campinas');
    expect(cal.region).toBeNull();
    expect(cal.isBusinessDay('2026-07-09')).toBe(false);
    expect(() => createBankCalendar('XX')).toThrow(/UF inválida/);
  });
  it('shares calendars for the same place', () => {
    expect(createBankCalendar('SP')).toBe(createBankCalendar('sp'));
  });
});

