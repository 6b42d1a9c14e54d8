/**
 * Bank business days by UF and city (Lei 7.089/83: a due date on a non-business day moves to the next one).
 * Kept apart from ./dates so the renderer's date formatting does not pull in the holiday tables.
 */
import Holidays from 'date-holidays';
import { assertInt, epochDayToIso, isoToEpochDay, pad, partsOrThrow, weekdayOfEpochDay } from './dates';
import { isUf, type Uf } from './uf';

export interface BankCalendar {
  /** UF and date-holidays region code actually used (null when national only / city not known). */
  readonly uf: Uf | null;
  readonly region: string | null;
  /** Bank holiday (national, state, city, Carnival Mon/Tue, Corpus Christi, 31 Dec); weekends not included. */
  isHoliday(iso: string): boolean;
  isBusinessDay(iso: string): boolean;
  /** `iso` itself when it is a business day, else the first business day after it. */
  nextBusinessDay(iso: string): string;
  /** `iso` itself when it is a business day, else the last business day before it. */
  previousBusinessDay(iso: string): string;
  /** Moves |n| business days forward (n > 0) or back (n < 0), not counting `iso`; n = 0 returns `iso`. */
  addBusinessDays(iso: string, n: number): string;
  /** The year's holiday dates (ISO), for display. */
  holidaysOf(year: number): ReadonlySet<string>;
}

const HOLIDAY_OPTS = { types: ['public', 'bank'] as ('public' | 'bank')[] };

function foldName(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toUpperCase();
}

/** Maps a city name ("São Paulo") or a date-holidays region code ("SP", "BH") to the region code. */
function resolveRegion(uf: Uf, city: string | undefined): string | null {
  if (!city || city.trim() === '') return null;
  const regions = new Holidays().getRegions('BR', uf) ?? {};
  const wanted = foldName(city);
  for (const [code, name] of Object.entries(regions)) {
    if (foldName(code) === wanted || foldName(name) === wanted) return code;
  }
  return null;
}

function buildCalendar(uf: Uf | null, region: string | null): BankCalendar {
  // The national rules are always read on their own too: date-holidays' SP/AM/MT state rules carry an
  // old 11-20 entry whose end date (2023) wrongly disables the national Consciência Negra holiday.
  let sources: Holidays[] | null = null;
  const byYear = new Map<number, Set<string>>();
  const businessMemo = new Map<number, boolean>();

  const holidaysOf = (year: number): Set<string> => {
    let set = byYear.get(year);
    if (set) return set;
    sources ??= [
      new Holidays('BR', HOLIDAY_OPTS),
      ...(uf === null ? [] : region === null ? [new Holidays('BR', uf, HOLIDAY_OPTS)] : [new Holidays('BR', uf, region, HOLIDAY_OPTS)]),
    ];
    set = new Set<string>();
    for (const h of sources) for (const day of h.getHolidays(year)) set.add(day.date.slice(0, 10));
    set.add(`${pad(year, 4)}-12-31`); // no bank service for the public on 31 December
    byYear.set(year, set);
    return set;
  };

  const isBusinessEpochDay = (day: number): boolean => {
    let r = businessMemo.get(day);
    if (r === undefined) {
      const wd = weekdayOfEpochDay(day);
      if (wd === 0 || wd === 6) r = false;
      else {
        const iso = epochDayToIso(day);
        r = !holidaysOf(Number(iso.slice(0, 4))).has(iso);
      }
      businessMemo.set(day, r);
    }
    return r;
  };

  const step = (iso: string, dir: 1 | -1): string => {
    let day = isoToEpochDay(iso);
    while (!isBusinessEpochDay(day)) day += dir;
    return epochDayToIso(day);
  };

  return {
    uf,
    region,
    isHoliday: (iso) => holidaysOf(partsOrThrow(iso)[0]).has(iso),
    isBusinessDay: (iso) => isBusinessEpochDay(isoToEpochDay(iso)),
    nextBusinessDay: (iso) => step(iso, 1),
    previousBusinessDay: (iso) => step(iso, -1),
    addBusinessDays: (iso, n) => {
      assertInt(n, 'dias úteis');
      let day = isoToEpochDay(iso);
      const dir = n < 0 ? -1 : 1;
      for (let left = Math.abs(n); left > 0; ) {
        day += dir;
        if (isBusinessEpochDay(day)) left -= 1;
      }
      return epochDayToIso(day);
    },
    holidaysOf: (year) => holidaysOf(year),
  };
}

const calendarCache = new Map<string, BankCalendar>();

/**
 * Business-day calendar for the place of payment. `uf` adds state holidays; `city` (a name such as
 * "São Paulo" / "Belo Horizonte", or a date-holidays region code) adds city holidays when date-holidays
 * knows the city, and is ignored otherwise. Calendars are shared and memoise holidays per year.
 */
export function createBankCalendar(uf?: string, city?: string): BankCalendar {
  const ufCode = uf && uf.trim() !== '' ? uf.trim().toUpperCase() : null;
  if (ufCode !== null && !isUf(ufCode)) throw new RangeError(`UF inválida: "${uf}"`);
  const region = ufCode === null ? null : resolveRegion(ufCode, city);
  const key = `${ufCode ?? ''}|${region ?? ''}`;
  let cal = calendarCache.get(key);
  if (!cal) {
    cal = buildCalendar(ufCode, region);
    calendarCache.set(key, cal);
  }
  return cal;
}
