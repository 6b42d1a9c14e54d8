import { describe, it, expect } from 'vitest';
import {
  addDays,
  addMonths,
  dayOfWeek,
  daysInMonth,
  diffDays,
  epochDayToIso,
  formatBrDate,
  isIsoDate,
  isoToEpochDay,
  monthsBetween,
  parseBrDate,
  todayInSaoPaulo,
  todayInTimeZone,
} from './dates';

describe('isIsoDate', () => {
  it.each(['2026-11-25', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2026-04-30'])('valid %s', (s) => {
    expect(isIsoDate(s)).toBe(true);
  });
  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-01-00',
    '0000-01-01',
    '2026-1-01',
    '2026/01/01',
    '25/11/2026',
    '2026-01-01T00:00:00Z',
    '',
  ])('invalid %s', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });
});

describe('epoch days', () => {
  it('matches known values', () => {
    expect(isoToEpochDay('1970-01-01')).toBe(0);
    expect(isoToEpochDay('1969-12-31')).toBe(-1);
    expect(isoToEpochDay('2000-03-01')).toBe(11017);
    expect(epochDayToIso(20417)).toBe('2025-11-25');
  });
  it('agrees with Date.UTC over a wide range and round-trips', () => {
    for (let day = -719_162; day <= 2_932_896; day += 997) {
      const iso = epochDayToIso(day);
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      const utc = new Date(0);
      utc.setUTCFullYear(y, m - 1, d);
      expect(Math.round(utc.getTime() / 86_400_000)).toBe(day);
      expect(isoToEpochDay(iso)).toBe(day);
    }
  });
  it('throws on invalid input', () => {
    expect(() => isoToEpochDay('2026-02-30')).toThrow(/Data inválida/);
  });
});

describe('addDays / diffDays / dayOfWeek', () => {
  it('adds across month, leap and year boundaries', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2026-11-25', 0)).toBe('2026-11-25');
    expect(() => addDays('2026-11-25', 1.5)).toThrow();
  });
  it('diffs in calendar days (a − b)', () => {
    expect(diffDays('2026-03-01', '2026-02-01')).toBe(28);
    expect(diffDays('2024-03-01', '2024-02-01')).toBe(29);
    expect(diffDays('2026-02-01', '2026-03-01')).toBe(-28);
    expect(diffDays('2027-01-01', '2026-01-01')).toBe(365);
    expect(diffDays('2026-10-20', '2026-10-10')).toBe(10);
  });
  it('knows weekdays', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-11-25')).toBe(3); // Wednesday
    expect(dayOfWeek('2026-02-15')).toBe(0); // Sunday
    expect(dayOfWeek('2026-02-14')).toBe(6); // Saturday
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });
  it('daysInMonth', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe('addMonths / monthsBetween', () => {
  it('adds months clamping to month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-10', -1)).toBe('2025-12-10');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
  it('counts whole months', () => {
    expect(monthsBetween('2026-01-15', '2026-03-14')).toBe(1);
    expect(monthsBetween('2026-01-15', '2026-03-15')).toBe(2);
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(monthsBetween('2026-01-31', '2026-02-27')).toBe(0);
    expect(monthsBetween('2026-01-15', '2026-01-15')).toBe(0);
    expect(monthsBetween('2025-12-20', '2026-01-19')).toBe(0);
    expect(monthsBetween('2025-12-20', '2026-01-20')).toBe(1);
    expect(monthsBetween('2026-03-15', '2026-01-16')).toBe(-1);
    expect(monthsBetween('2026-03-15', '2026-01-15')).toBe(-2);
    expect(monthsBetween('2020-02-29', '2026-02-28')).toBe(72);
  });
});

describe('parseBrDate / formatBrDate', () => {
  it.each([
    ['25/11/2026', '2026-11-25'],
    ['5/3/2026', '2026-03-05'],
    ['05/03/2026', '2026-03-05'],
    [' 25-11-2026 ', '2026-11-25'],
    ['25.11.2026', '2026-11-25'],
    ['29/02/2024', '2024-02-29'],
    ['2026-11-25', '2026-11-25'],
  ])('%s → %s', (input, iso) => {
    expect(parseBrDate(input)).toBe(iso);
  });
  it.each(['29/02/2026', '31/04/2026', '25/13/2026', '25/11/26', '25/11-2026', '2026-02-30', '11/25/2026', 'ontem', ''])(
    'rejects %j',
    (input) => {
      expect(parseBrDate(input)).toBeNull();
    },
  );
  it('formats', () => {
    expect(formatBrDate('2026-11-25')).toBe('25/11/2026');
    expect(formatBrDate('2026-03-05')).toBe('05/03/2026');
    expect(() => formatBrDate('2026-02-30')).toThrow();
  });
});

describe('todayInSaoPaulo', () => {
  it('uses the São Paulo date (UTC−3), not UTC', () => {
    expect(todayInSaoPaulo(new Date('2026-11-25T02:59:59Z'))).toBe('2026-11-24');
    expect(todayInSaoPaulo(new Date('2026-11-25T03:00:00Z'))).toBe('2026-11-25');
    expect(todayInSaoPaulo(new Date('2027-01-01T01:00:00Z'))).toBe('2026-12-31');
  });
  it('works for other zones', () => {
    expect(todayInTimeZone(new Date('2026-11-25T03:30:00Z'), 'America/Manaus')).toBe('2026-11-24');
    expect(todayInTimeZone(new Date('2026-11-25T03:30:00Z'), 'UTC')).toBe('2026-11-25');
  });
});

describe('epoch-day range', () => {
  it('covers 0001-01-01 … 9999-12-31 and rejects outside', () => {
    expect(epochDayToIso(-719_162)).toBe('0001-01-01');
    expect(isoToEpochDay('9999-12-31')).toBe(2_932_896);
    expect(() => epochDayToIso(-719_163)).toThrow();
    expect(() => addDays('9999-12-31', 1)).toThrow();
  });
});
