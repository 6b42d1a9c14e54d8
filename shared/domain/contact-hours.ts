/**
 * When a debtor may be contacted (DOMAIN.md "How to contact a debtor"): by the debtor's UF, defaulting to
 * São Paulo's law — weekdays 08–20h, Saturday 08–14h, never on Sundays or holidays; RJ: business days
 * 09–19h. Times are the debtor's local wall clock; Brazil has had no daylight saving since 2019, so each
 * UF's zone is a fixed offset read through Intl.
 */
import { addDays, dayOfWeek } from './dates';

export interface ContactWindow {
  /** Minutes after local midnight, [start, end). */
  startMinute: number;
  endMinute: number;
}

export interface ContactHoursRule {
  /** Index 0 = Sunday … 6 = Saturday; null = no contact that day. */
  byWeekday: readonly (ContactWindow | null)[];
  /** Holidays are always closed. */
}

const h = (from: number, to: number): ContactWindow => ({ startMinute: from * 60, endMinute: to * 60 });

export const SAO_PAULO_RULE: ContactHoursRule = {
  byWeekday: [null, h(8, 20), h(8, 20), h(8, 20), h(8, 20), h(8, 20), h(8, 14)],
};
export const RIO_DE_JANEIRO_RULE: ContactHoursRule = {
  byWeekday: [null, h(9, 19), h(9, 19), h(9, 19), h(9, 19), h(9, 19), null],
};

/** UFs whose own law the app knows (DOMAIN.md); every other UF follows São Paulo's. */
const BUILT_IN_RULES: Readonly<Record<string, ContactHoursRule>> = { RJ: RIO_DE_JANEIRO_RULE };

/**
 * Contact hours the company set for some UFs (its reading of a state law, or a stricter policy), keyed by UF.
 * They replace the built-in rule of that UF only; holidays stay closed whatever the window says.
 */
export type ContactHoursByUf = Readonly<Record<string, ContactHoursRule>>;

/** The rule for a debtor's UF: the company's, else the UF's own law, else São Paulo's (also for an unknown UF). */
export function contactRuleFor(uf: string | null, companyRules: ContactHoursByUf = {}): ContactHoursRule {
  if (uf === null) return SAO_PAULO_RULE;
  return companyRules[uf] ?? BUILT_IN_RULES[uf] ?? SAO_PAULO_RULE;
}

/** 480 → "08:00" (the value of an `<input type="time">`); 1440 → "24:00". */
export function minuteToClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** "08:00" → 480, "24:00" → 1440; null when it is not a time of day. */
export function clockToMinute(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const minute = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minute <= 1440 ? minute : null;
}

const ZONE_BY_UF: Readonly<Record<string, string>> = {
  AC: 'America/Rio_Branco',
  AM: 'America/Manaus',
  RR: 'America/Boa_Vista',
  RO: 'America/Porto_Velho',
  MT: 'America/Cuiaba',
  MS: 'America/Campo_Grande',
};

export function timeZoneFor(uf: string | null): string {
  return (uf && ZONE_BY_UF[uf]) || 'America/Sao_Paulo';
}

export interface LocalTime {
  date: string;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and minute of `instant` in `timeZone`. */
export function localTimeIn(instant: Date, timeZone: string): LocalTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The UTC instant of a local wall-clock time (fixed offsets: one correction step is exact). */
export function instantOf(local: LocalTime, timeZone: string): Date {
  const guess = Date.parse(`${local.date}T00:00:00Z`) + local.minute * 60_000;
  const seen = localTimeIn(new Date(guess), timeZone);
  const seenMs = Date.parse(`${seen.date}T00:00:00Z`) + seen.minute * 60_000;
  return new Date(guess - (seenMs - guess));
}

export interface HolidayCalendar {
  isHoliday(iso: string): boolean;
}

function windowOn(date: string, rule: ContactHoursRule, holidays: HolidayCalendar): ContactWindow | null {
  if (holidays.isHoliday(date)) return null;
  return rule.byWeekday[dayOfWeek(date)] ?? null;
}

/** Whether the day allows any contact (not a Sunday/holiday or other closed day). */
export function isContactDay(date: string, rule: ContactHoursRule, holidays: HolidayCalendar): boolean {
  return windowOn(date, rule, holidays) !== null;
}

/** `date` itself when it allows contact, else the next day that does. */
export function nextContactDay(date: string, rule: ContactHoursRule, holidays: HolidayCalendar): string {
  let d = date;
  for (let i = 0; i < 30 && !isContactDay(d, rule, holidays); i++) d = addDays(d, 1);
  return d;
}

export function isWithinContactHours(local: LocalTime, rule: ContactHoursRule, holidays: HolidayCalendar): boolean {
  const w = windowOn(local.date, rule, holidays);
  return w !== null && local.minute >= w.startMinute && local.minute < w.endMinute;
}

/** `local` itself when contact is allowed then, else the start of the next allowed window. */
export function nextContactSlot(local: LocalTime, rule: ContactHoursRule, holidays: HolidayCalendar): LocalTime {
  if (isWithinContactHours(local, rule, holidays)) return local;
  const today = windowOn(local.date, rule, holidays);
  if (today && local.minute < today.startMinute) return { date: local.date, minute: today.startMinute };
  const next = nextContactDay(addDays(local.date, 1), rule, holidays);
  return { date: next, minute: windowOn(next, rule, holidays)?.startMinute ?? 0 };
}
