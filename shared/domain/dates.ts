// Calendar dates as ISO strings 'YYYY-MM-DD' (no time, no zone). Arithmetic runs on "epoch days" (days since
// 1970-01-01) with integer civil-calendar formulas, so results never depend on the machine's time zone.

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parseParts(s: string): [number, number, number] | null {
  const m = ISO_RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return [y, mo, d];
}

export function partsOrThrow(iso: string): [number, number, number] {
  const p = parseParts(iso);
  if (!p) throw new RangeError(`Data inválida (esperado AAAA-MM-DD): "${iso}"`);
  return p;
}

/** A real calendar date in 'YYYY-MM-DD' form (year 0001–9999). */
export function isIsoDate(s: string): boolean {
  return parseParts(s) !== null;
}

// Howard Hinnant's days_from_civil / civil_from_days.
function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function fromParts(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Days since 1970-01-01 (negative before). Throws on an invalid date. */
export function isoToEpochDay(iso: string): number {
  const [y, m, d] = partsOrThrow(iso);
  return daysFromCivil(y, m, d);
}

export function epochDayToIso(day: number): string {
  if (!Number.isSafeInteger(day)) throw new RangeError(`dia inválido: ${day}`);
  const [y, m, d] = civilFromDays(day);
  if (y < 1 || y > 9999) throw new RangeError(`data fora do intervalo: ano ${y}`);
  return fromParts(y, m, d);
}

export function assertInt(n: number, label: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${label} deve ser inteiro (recebido: ${n})`);
}

export function addDays(iso: string, n: number): string {
  assertInt(n, 'dias');
  return epochDayToIso(isoToEpochDay(iso) + n);
}

/** a − b in calendar days. */
export function diffDays(a: string, b: string): number {
  return isoToEpochDay(a) - isoToEpochDay(b);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  return weekdayOfEpochDay(isoToEpochDay(iso));
}

export function weekdayOfEpochDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Adds calendar months, clamping to the month's last day (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(iso: string, n: number): string {
  assertInt(n, 'meses');
  const [y, m, d] = partsOrThrow(iso);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  if (ny < 1 || ny > 9999) throw new RangeError(`data fora do intervalo: ano ${ny}`);
  return fromParts(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/**
 * Whole months from `from` to `to` (negative when `to` is earlier), as in "how many monthly anniversaries
 * have passed": 2026-01-15 → 2026-03-14 is 1, → 2026-03-15 is 2; month-end clamps (01-31 → 02-28 is 1).
 */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = partsOrThrow(from);
  const [ty, tm] = partsOrThrow(to);
  let months = (ty - fy) * 12 + (tm - fm);
  if (months > 0 && addMonths(from, months) > to) months -= 1;
  else if (months < 0 && addMonths(from, months) < to) months += 1;
  return months;
}

const BR_DATE_RE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

/** '25/11/2026' (also 25-11-2026, 25.11.2026, 5/3/2026 or ISO) → '2026-11-25'; null if not a real date. */
export function parseBrDate(s: string): string | null {
  const t = s.trim();
  if (ISO_RE.test(t)) return isIsoDate(t) ? t : null;
  const m = BR_DATE_RE.exec(t);
  if (!m) return null;
  const iso = fromParts(Number(m[4]), Number(m[3]), Number(m[1]));
  return isIsoDate(iso) ? iso : null;
}

/** '2026-11-25' → '25/11/2026'. Throws on an invalid date. */
export function formatBrDate(iso: string): string {
  const [y, m, d] = partsOrThrow(iso);
  return `${pad(d, 2)}/${pad(m, 2)}/${pad(y, 4)}`;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of instant `now` in an IANA time zone. */
export function todayInTimeZone(now: Date, timeZone: string): string {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return fromParts(get('year'), get('month'), get('day'));
}

export function todayInSaoPaulo(now: Date): string {
  return todayInTimeZone(now, 'America/Sao_Paulo');
}
