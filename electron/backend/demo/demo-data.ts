// Deterministic demo portfolio of a Brazilian wholesale distributor: customers (PJ, empresário individual,
// PF) with contacts, 24 months of títulos ending at `asOf`, and the payments each customer's behaviour profile
// produces. Same options → identical rows. Rows are yielded one by one (customer, its contacts, then each
// título followed by its payments), so a million títulos stream through in constant memory.
import { generateCnpj, generateCpf } from '../../../shared/domain/documents';
import { createBankCalendar } from '../../../shared/domain/bank-calendar';
import { epochDayToIso, isIsoDate, isoToEpochDay } from '../../../shared/domain/dates';
import type { Uf } from '../../../shared/domain/uf';
import type { ContactChannel, CustomerKind, CustomerStatus, InvoiceStatus, PaymentMethod } from '../../../shared/ipc/contract';
import type { BulkContact, BulkCustomer, BulkInvoice, BulkPayment, BulkRow } from '../db/repos/bulk-load.repo';
import { boletoLine, mod10 } from './boleto-line';
import {
  CITIES,
  COMPLEMENTS,
  CONTACT_ROLES,
  DISTRICTS,
  FANTASY,
  FEMALE_NAMES,
  FREE_MAIL,
  MALE_NAMES,
  NICKNAMES,
  REPS_BY_UF,
  SALES_REPS,
  SEGMENTS,
  STREET_NAMES,
  STREET_TYPES,
  SURNAMES,
  UF_WEIGHTS,
  WRITE_OFF_REASONS,
  type City,
  type Segment,
} from './demo-catalog';
import { createRng, mixSeed, weightedPicker, type Rng } from './rng';

export interface DemoOptions {
  customers: number;
  /** Total títulos (installments) across all customers. */
  invoices: number;
  seed: number;
  /** 'YYYY-MM-DD': the last day of history; payments never fall after it. */
  asOf: string;
}

/** Payment behaviour of a customer, stored in `customers.tags` as `perfil:<profile>` for risk back-tests. */
export type DemoProfile = 'on_time' | 'sometimes_late' | 'chronic_late' | 'defaulted' | 'strategic';

export const PROFILE_SHARES: readonly (readonly [DemoProfile, number])[] = [
  ['on_time', 45],
  ['sometimes_late', 30],
  ['chronic_late', 15],
  ['defaulted', 6],
  ['strategic', 4],
];

export const PROFILE_TAG_PREFIX = 'perfil:';

export function profileTag(p: DemoProfile): string {
  return `${PROFILE_TAG_PREFIX}${p}`;
}

/** The demo profile recorded in a customer's tags, or null. */
export function profileOfTags(tags: readonly string[]): DemoProfile | null {
  const t = tags.find((x) => x.startsWith(PROFILE_TAG_PREFIX));
  return t ? (t.slice(PROFILE_TAG_PREFIX.length) as DemoProfile) : null;
}

const HISTORY_DAYS = 730;
const MIN_CENTS = 150_00;
const MAX_CENTS = 80_000_00;
const ALNUM_CNPJ_FROM = isoToEpochDay('2026-07-01');
const CREATED_BY = 'demo';

const pickProfile = weightedPicker(PROFILE_SHARES);
const pickUf = weightedPicker(UF_WEIGHTS);
const cityPickers = new Map<Uf, (r: Rng) => City>(
  (Object.keys(CITIES) as Uf[]).map((uf) => [uf, weightedPicker(CITIES[uf].map((c) => [c, c.weight] as const))]),
);
const pickSegmentPJ = weightedPicker(SEGMENTS.map((s) => [s, s.weight] as const));
const pickSegmentSmall = weightedPicker(SEGMENTS.filter((s) => s.small).map((s) => [s, s.weight] as const));
const pickStreetType = weightedPicker(STREET_TYPES);
const pickRole = weightedPicker(CONTACT_ROLES);
const pickTerms = weightedPicker<number>([[28, 35], [35, 25], [42, 20], [56, 20]]);
const pickParcels = weightedPicker<number>([[1, 55], [2, 25], [3, 20]]);
const pickMethod = weightedPicker<PaymentMethod>([['boleto', 72], ['pix', 20], ['transferencia', 5], ['cheque', 3]]);
const pickBank = weightedPicker<Bank>([['341', 55], ['237', 30], ['001', 15]]);
const PIX_ISPBS = ['00000000', '60701190', '60746948', '00360305', '90400888', '18236120', '10573521', '00416968'];
const ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';
/** The distributor's collection accounts: Itaú agência 0157 conta 12345 (carteira 109), Bradesco agência
 * 3381 conta 0045678 (carteira 09), BB convênio 3128557 (carteira 17). */
const ITAU_ACCOUNT = '015712345';
const ITAU_ACCOUNT_DAC = mod10(ITAU_ACCOUNT);

/** Office hours in UTC (08:00–18:59 in Brasília), "HH:MM" and "HHMM". */
const TIMES: readonly string[] = Array.from({ length: 11 * 60 }, (_, i) => `${pad(11 + Math.floor(i / 60), 2)}:${pad(i % 60, 2)}`);
const TIMES_COMPACT: readonly string[] = TIMES.map((t) => t.replace(':', ''));

type Bank = '341' | '237' | '001';

interface Person {
  first: string;
  full: string;
  female: boolean;
}

function validateOptions(o: DemoOptions): void {
  if (!Number.isSafeInteger(o.customers) || o.customers < 1) throw new RangeError('customers deve ser um inteiro ≥ 1');
  if (!Number.isSafeInteger(o.invoices) || o.invoices < 0) throw new RangeError('invoices deve ser um inteiro ≥ 0');
  if (!Number.isSafeInteger(o.seed)) throw new RangeError('seed deve ser um inteiro');
  if (!isIsoDate(o.asOf)) throw new RangeError(`asOf deve ser uma data AAAA-MM-DD (recebido: "${o.asOf}")`);
}

/** Splits `total` títulos over `n` customers with log-normal weights: a few big customers hold most. */
function allocate(n: number, total: number, seed: number): Int32Array {
  const rng = createRng(mixSeed(seed, 0x5eed, 1));
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += w[i] = Math.exp(1.3 * rng.normal());
  const counts = new Int32Array(n);
  const frac = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = (total * (w[i] as number)) / sum;
    const c = Math.floor(exact);
    counts[i] = c;
    frac[i] = exact - c;
    given += c;
  }
  let left = total - given;
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (frac[b] as number) - (frac[a] as number) || a - b);
    for (let k = 0; left > 0; k = (k + 1) % n, left--) counts[order[k] as number]! += 1;
  }
  return counts;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function slug(s: string): string {
  return fold(s).toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function person(rng: Rng, female = rng.chance(0.5)): Person {
  const first = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
  let given = first;
  if (rng.chance(0.3)) {
    const second = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
    if (second !== first) given += ` ${second}`;
  }
  const s1 = rng.pick(SURNAMES);
  const s2 = rng.pick(SURNAMES);
  const withParticle = (s: string) =>
    s === 'Santos' || s === 'Anjos' ? `dos ${s}` : s === 'Silva' || s === 'Costa' || s === 'Rocha' ? `da ${s}` : `de ${s}`;
  const last = s1 === s2 || rng.chance(0.35) ? (rng.chance(0.4) ? withParticle(s1) : s1) : `${s1} ${rng.chance(0.35) ? withParticle(s2) : s2}`;
  return { first, full: `${given} ${last}`, female };
}

function ownerRef(p: Person): string {
  if (p.female) return `Dona ${p.first}`;
  return `do ${NICKNAMES[p.first] ?? p.first}`;
}

function fill(pattern: string, x: string): string {
  return pattern.replace('{X}', x);
}

function formatCnpjRoot(doc: string): string {
  return `${doc.slice(0, 2)}.${doc.slice(2, 5)}.${doc.slice(5, 8)}`;
}

function mobile(rng: Rng, ddd: string): string {
  return `55${ddd}9${rng.int(6, 9)}${rng.digits(7)}`;
}

function landline(rng: Rng, ddd: string): string {
  return `55${ddd}${rng.int(2, 5)}${rng.digits(7)}`;
}

function randomDelay(rng: Rng, profile: DemoProfile, dueSoonBeforeStop: boolean): number {
  const u = rng.next();
  switch (profile) {
    case 'on_time':
      return u < 0.98 ? (rng.chance(0.3) ? -rng.int(1, 3) : 0) : rng.int(1, 2);
    case 'sometimes_late':
      return u < 0.62 ? (rng.chance(0.25) ? -rng.int(1, 2) : 0) : 1 + Math.floor(19 * rng.next() ** 1.5);
    case 'chronic_late':
      return u < 0.1 ? 0 : 10 + Math.floor(50 * rng.next() ** 1.3);
    case 'defaulted':
      if (dueSoonBeforeStop) return 10 + Math.floor(35 * rng.next());
      return u < 0.55 ? 0 : 1 + Math.floor(25 * rng.next() ** 1.4);
    case 'strategic':
      return u < 0.15 ? 30 + Math.floor(30 * rng.next()) : 60 + Math.floor(60 * rng.next());
  }
}

const SPLIT_CHANCE: Record<DemoProfile, number> = {
  on_time: 0.02,
  sometimes_late: 0.06,
  chronic_late: 0.3,
  defaulted: 0.15,
  strategic: 0.25,
};

/**
 * Yields the rows of a demo portfolio in load order. Ids are assigned from 1 (customers, invoices), so the
 * target tables must be empty.
 */
export function* generateDemoData(opts: DemoOptions): Generator<BulkRow, void, undefined> {
  validateOptions(opts);
  const { seed } = opts;
  const asOfDay = isoToEpochDay(opts.asOf);
  const windowStart = asOfDay - HISTORY_DAYS;

  // Epoch day → ISO string, memoised over the span the data can touch.
  const isoBase = asOfDay - 4000;
  const isoMemo: (string | undefined)[] = new Array(4600);
  const iso = (day: number): string => {
    const k = day - isoBase;
    if (k < 0 || k >= isoMemo.length) return epochDayToIso(day);
    return (isoMemo[k] ??= epochDayToIso(day));
  };
  const stamp = (day: number, rng: Rng): string => `${iso(day)}T${rng.pick(TIMES)}:00.000Z`;
  const ctx: Ctx = { asOfDay, iso, stamp };

  // Next business day (bank credit of a boleto or transfer), per UF, memoised.
  const bizMemo = new Map<Uf, Int32Array>();
  const bizBase = windowStart - 10;
  const nextBusinessDay = (uf: Uf, day: number): number => {
    const k = day - bizBase;
    let memo = bizMemo.get(uf);
    if (!memo) bizMemo.set(uf, (memo = new Int32Array(HISTORY_DAYS + 500)));
    if (k < 0 || k >= memo.length) return day;
    if (memo[k] === 0) memo[k] = isoToEpochDay(createBankCalendar(uf).nextBusinessDay(iso(day)));
    return memo[k] as number;
  };

  const counts = allocate(opts.customers, opts.invoices, seed);
  const expectedNfsPerDay = Math.max(1, opts.invoices / 1.65 / HISTORY_DAYS);
  const nfScale = 10 ** Math.max(3, Math.ceil(Math.log10(expectedNfsPerDay * 4)));
  const nfPerDay = new Int32Array(HISTORY_DAYS + 20);
  const documents = new Set<string>();
  const nosso = { '341': 0, '237': 0, '001': 0 };
  let invoiceId = 0;

  for (let i = 0; i < opts.customers; i++) {
    const customerId = i + 1;
    const rng = createRng(mixSeed(seed, 0xc057, customerId));
    const count = counts[i] as number;
    const profile = pickProfile(rng);

    // Identity
    const kindRoll = rng.next();
    const kind: CustomerKind = kindRoll < 0.1 ? 'PF' : kindRoll < 0.25 ? 'EMPRESARIO_INDIVIDUAL' : 'PJ';
    const alnum = kind !== 'PF' && profile !== 'defaulted' && rng.chance(0.08 / 0.9);
    let document: string;
    do document = kind === 'PF' ? generateCpf(rng.next) : generateCnpj(rng.next, alnum);
    while (documents.has(document));
    documents.add(document);

    const segment: Segment = kind === 'PJ' ? pickSegmentPJ(rng) : pickSegmentSmall(rng);
    const owner = person(rng);
    let legalName: string;
    let tradeName: string | null;
    if (kind === 'PJ') {
      const x = rng.chance(0.6) ? rng.pick(FANTASY) : rng.chance(0.6) ? rng.pick(SURNAMES) : ownerRef(owner);
      legalName = fill(rng.pick(segment.legal), x);
      tradeName = rng.chance(0.9) ? fill(rng.pick(segment.trade), x) : null;
    } else if (kind === 'EMPRESARIO_INDIVIDUAL') {
      legalName = rng.chance(0.5) ? `${formatCnpjRoot(document)} ${owner.full}` : owner.full;
      tradeName = fill(rng.pick(segment.trade), rng.chance(0.6) ? ownerRef(owner) : rng.pick(FANTASY));
    } else {
      legalName = owner.full;
      tradeName = rng.chance(0.5) ? fill(rng.pick(segment.trade), ownerRef(owner)) : null;
    }

    // Address
    const uf = pickUf(rng);
    const city = (cityPickers.get(uf) as (r: Rng) => City)(rng);
    const street = `${pickStreetType(rng)} ${rng.pick(STREET_NAMES)}`;
    const streetNumber = rng.chance(0.02) ? 'S/N' : String(rng.int(1, rng.chance(0.7) ? 999 : 4999));
    const complement = rng.chance(0.15) ? rng.pick(COMPLEMENTS) : null;
    const postalCode = `${pad(rng.int(city.cep[0], city.cep[1]), 5)}${rng.chance(0.3) ? '000' : rng.digits(3)}`;
    const reps = REPS_BY_UF[uf];
    const salesRep = SALES_REPS[rng.pick(reps)] as string;

    // Commercial terms and history window
    const terms = kind === 'PF' ? (rng.chance(0.7) ? 28 : 35) : pickTerms(rng);
    let since: number;
    if (alnum && asOfDay - 30 >= ALNUM_CNPJ_FROM) since = rng.int(Math.max(ALNUM_CNPJ_FROM, asOfDay - 700), asOfDay - 30);
    else if (profile === 'defaulted' || rng.chance(0.72)) since = asOfDay - rng.int(HISTORY_DAYS + 1, 3650);
    else since = asOfDay - rng.int(30, HISTORY_DAYS - 10);
    // A defaulted customer stops paying on stopDay but keeps buying for a while (often more than usual) until
    // the distributor notices and blocks it; everything due after stopDay stays open and overdue.
    const stopDay = profile === 'defaulted' ? asOfDay - rng.int(150, 365) : Number.POSITIVE_INFINITY;
    const fromDay = Math.max(since, windowStart);
    const toDay = Math.max(fromDay, profile === 'defaulted' ? Math.min(asOfDay - 1, stopDay + rng.int(30, 75)) : asOfDay - 1);

    const ticketCents = Math.min(
      30_000_00,
      Math.max(
        300_00,
        2_500_00 * segment.ticket * Math.exp(0.6 * rng.normal()) * (profile === 'strategic' ? 3 : 1) * (kind === 'PF' ? 0.5 : 1) *
          Math.min(3, Math.max(0.6, ((count + 1) / 20) ** 0.25)),
      ),
    );
    const activeMonths = Math.max(1, (toDay - fromDay + 1) / 30);
    const monthlyCents = (count / 1.65 / activeMonths) * ticketCents * 1.1;
    const creditLimitCents = Math.min(2_000_000_00, Math.max(2_000_00, Math.round((monthlyCents * (terms + 15)) / 30 / 1_000_00) * 1_000_00));

    let status: CustomerStatus = 'active';
    let notes: string | null = null;
    let updatedDay = since;
    if (profile === 'defaulted' && rng.chance(0.7)) {
      status = 'blocked';
      updatedDay = Math.min(asOfDay, toDay + rng.int(1, 15));
      notes = `Bloqueado para novas vendas: títulos em aberto desde ${iso(stopDay).split('-').reverse().join('/')}.`;
    } else if ((profile === 'chronic_late' && rng.chance(0.1)) || (profile === 'strategic' && rng.chance(0.15)) || rng.chance(0.01)) {
      status = 'blocked';
      updatedDay = Math.max(since, asOfDay - rng.int(5, 90));
      notes = 'Bloqueado pelo financeiro: atrasos recorrentes.';
    } else if (count === 0 && rng.chance(0.5)) {
      status = 'inactive';
    }
    if (profile === 'strategic' && notes === null && rng.chance(0.3)) notes = 'Negocia prazo em toda compra; exige contato do gerente.';

    const createdAt = stamp(since, rng);
    const customer: BulkCustomer = {
      table: 'customers',
      id: customerId,
      legalName,
      tradeName,
      document,
      kind,
      segment: segment.label,
      salesRep,
      street,
      streetNumber,
      complement,
      district: rng.pick(DISTRICTS),
      city: city.name,
      uf,
      postalCode,
      creditLimitCents,
      paymentTermsDays: terms,
      status,
      tags: [profileTag(profile)],
      notes,
      createdAt,
      updatedAt: updatedDay === since ? createdAt : stamp(updatedDay, rng),
    };
    yield customer;

    // Contacts
    const nContacts = kind === 'PF' ? (rng.chance(0.8) ? 1 : 2) : rng.chance(0.45) ? 1 : rng.chance(0.64) ? 2 : 3;
    const companyDomain = kind !== 'PF' && tradeName && rng.chance(0.45) ? `${slug(tradeName).slice(0, 40) || 'loja'}.com.br` : null;
    for (let k = 0; k < nContacts; k++) {
      const p = k === 0 && kind !== 'PJ' ? owner : person(rng);
      const role = k === 0 && kind === 'PF' ? 'Titular' : k === 0 && kind === 'EMPRESARIO_INDIVIDUAL' ? 'Proprietário(a)' : pickRole(rng);
      const whatsapp = rng.chance(0.85) ? mobile(rng, city.ddd) : null;
      const phone = rng.chance(0.5) ? landline(rng, city.ddd) : whatsapp ?? mobile(rng, city.ddd);
      let email: string | null = null;
      if (rng.chance(0.85)) {
        const local = `${slug(p.first)}.${slug(p.full.split(' ').at(-1) ?? '')}`;
        if (!companyDomain) email = `${local}${rng.chance(0.4) ? rng.int(1, 99) : ''}@${rng.pick(FREE_MAIL)}`;
        else if (role === 'Financeiro' || role === 'Contas a pagar') email = `financeiro@${companyDomain}`;
        else email = `${local}@${companyDomain}`;
      }
      const preferredChannel: ContactChannel =
        whatsapp && rng.chance(0.6) ? 'whatsapp' : email && rng.chance(0.8) ? 'email' : 'phone';
      const at = stamp(Math.min(asOfDay, since + rng.int(0, 60)), rng);
      const contact: BulkContact = {
        table: 'contacts',
        customerId,
        name: p.full,
        role,
        phone,
        whatsapp,
        email,
        preferredChannel,
        isValid: !rng.chance(0.04),
        optedOut: rng.chance(0.03),
        createdAt: at,
        updatedAt: at,
      };
      yield contact;
    }

    if (count === 0) continue;

    // Títulos: notas of 1–3 installments, issue days spread over the customer's window.
    const parcelsPerNf: number[] = [];
    for (let left = count; left > 0; ) {
      const n = Math.min(left, pickParcels(rng));
      parcelsPerNf.push(n);
      left -= n;
    }
    const issueDays = new Int32Array(parcelsPerNf.length);
    for (let k = 0; k < issueDays.length; k++) {
      let d = profile === 'defaulted' && rng.chance(0.3) ? rng.int(Math.max(fromDay, stopDay - 60), toDay) : rng.int(fromDay, toDay);
      const wd = (((d + 4) % 7) + 7) % 7; // 0 = Sunday
      if (wd === 0) d += d + 1 < asOfDay ? 1 : -2;
      else if (wd === 6 && rng.chance(0.7)) d += d + 2 < asOfDay ? 2 : -1;
      issueDays[k] = d;
    }
    issueDays.sort();

    const primaryMethod = pickMethod(rng);
    const disputeChance = profile === 'on_time' ? 0.01 : 0.03;

    for (let nfIdx = 0; nfIdx < parcelsPerNf.length; nfIdx++) {
      const parcels = parcelsPerNf[nfIdx] as number;
      const issueDay = issueDays[nfIdx] as number;
      const dayIdx = Math.max(0, Math.min(nfPerDay.length - 1, issueDay - windowStart + 5));
      const nf = 100_000 + dayIdx * nfScale + (nfPerDay[dayIdx]! % nfScale);
      nfPerDay[dayIdx]! += 1;
      const nfNumber = pad(nf % 1_000_000_000, 9);
      const nfTotal = Math.round(ticketCents * parcels ** 0.6 * Math.exp(0.65 * rng.normal()));
      const method: PaymentMethod = rng.chance(0.88) ? primaryMethod : rng.chance(0.7) ? 'boleto' : 'pix';
      const invoiceCreatedAt = stamp(issueDay, rng);

      for (let k = 1; k <= parcels; k++) {
        invoiceId++;
        const amountCents = Math.min(MAX_CENTS, Math.max(MIN_CENTS, Math.floor(nfTotal / parcels) + (k === 1 ? nfTotal % parcels : 0)));
        const dueDay = issueDay + terms + 7 * (k - 1);

        let bank: Bank | null = null;
        let nossoNumero: string | null = null;
        let line: string | null = null;
        if (method === 'boleto') {
          bank = pickBank(rng);
          const seq = ++nosso[bank];
          if (bank === '341') {
            const nn = pad(seq, 8);
            nossoNumero = nn;
            line = boletoLine(bank, dueDay, amountCents, `109${nn}${mod10(`${ITAU_ACCOUNT}109${nn}`)}${ITAU_ACCOUNT}${ITAU_ACCOUNT_DAC}000`);
          } else if (bank === '237') {
            nossoNumero = pad(seq, 11);
            line = boletoLine(bank, dueDay, amountCents, `338109${nossoNumero}00456780`);
          } else {
            nossoNumero = `3128557${pad(seq, 10)}`;
            line = boletoLine(bank, dueDay, amountCents, `000000${nossoNumero}17`);
          }
        }

        // Payments
        // Payments: at most two (a partial and the rest), credited on a business day unless by Pix; none after
        // asOf, and none from a defaulted customer once it stopped paying.
        const delay = randomDelay(rng, profile, profile === 'defaulted' && dueDay >= stopDay - 60);
        const bankDays = method !== 'pix';
        let day1 = 0;
        let cents1 = 0;
        let day2 = 0;
        let cents2 = 0;
        if (rng.chance(SPLIT_CHANCE[profile])) {
          const first = Math.max(1, Math.min(amountCents - 1, Math.round(amountCents * (0.3 + 0.4 * rng.next()))));
          let d1 = dueDay + Math.max(-2, delay - rng.int(5, 30));
          let d2 = dueDay + delay + rng.int(0, 10);
          if (bankDays) {
            d1 = nextBusinessDay(uf, d1);
            d2 = nextBusinessDay(uf, d2);
          }
          const neverFinish = (profile === 'chronic_late' && rng.chance(0.2)) || (profile === 'strategic' && rng.chance(0.1));
          if (d1 > issueDay && d1 <= asOfDay && d1 < stopDay) {
            day1 = d1;
            cents1 = first;
            if (!neverFinish && d2 > d1 && d2 <= asOfDay && d2 < stopDay) {
              day2 = d2;
              cents2 = amountCents - first;
            }
          }
        } else {
          let d = dueDay + delay;
          if (bankDays) d = nextBusinessDay(uf, d);
          if (d > issueDay && d <= asOfDay && d < stopDay) {
            day1 = d;
            cents1 = amountCents;
          }
        }
        const payment1 = cents1 > 0 ? paymentRow(rng, ctx, invoiceId, day1, cents1, method, nossoNumero) : null;
        const payment2 = cents2 > 0 ? paymentRow(rng, ctx, invoiceId, day2, cents2, method, nossoNumero) : null;
        const paidCents = cents1 + cents2;
        let status: InvoiceStatus = paidCents === 0 ? 'open' : paidCents === amountCents ? 'paid' : 'partial';
        let writeOffReason: string | null = null;
        let updatedAt = (payment2 ?? payment1)?.createdAt ?? invoiceCreatedAt;
        if (status !== 'paid' && dueDay < asOfDay) {
          const daysOverdue = asOfDay - dueDay;
          const roll = rng.next();
          if (profile === 'defaulted' && daysOverdue > 180 && roll < 0.3) {
            status = 'written_off';
            writeOffReason = rng.pick(WRITE_OFF_REASONS);
          } else if ((profile === 'chronic_late' || profile === 'strategic') && daysOverdue > 60 && roll < 0.06) {
            status = 'renegotiated';
          } else if (roll > 1 - disputeChance) {
            status = 'disputed';
          }
          if (status !== 'open' && status !== 'partial') updatedAt = stamp(Math.min(asOfDay, dueDay + rng.int(3, 60)), rng);
        }

        const invoice: BulkInvoice = {
          table: 'invoices',
          id: invoiceId,
          customerId,
          externalId: `ERP${pad(invoiceId, 9)}`,
          documentNumber: `${nfNumber}-${k}/${parcels}`,
          issueDate: iso(issueDay),
          dueDate: iso(dueDay),
          amountCents,
          paidCents,
          paymentMethod: method,
          boletoLine: line,
          nossoNumero,
          status,
          writeOffReason,
          createdAt: invoiceCreatedAt,
          updatedAt,
        };
        yield invoice;
        if (payment1) yield payment1;
        if (payment2) yield payment2;
      }
    }
  }
}

interface Ctx {
  asOfDay: number;
  iso: (day: number) => string;
  stamp: (day: number, rng: Rng) => string;
}

function paymentRow(
  rng: Rng,
  ctx: Ctx,
  invoiceId: number,
  day: number,
  amountCents: number,
  method: PaymentMethod,
  nossoNumero: string | null,
): BulkPayment {
  const paidOn = ctx.iso(day);
  let reference: string | null = null;
  if (method === 'boleto') reference = nossoNumero;
  else if (method === 'pix') {
    // End-to-end id: E + payer ISPB + yyyyMMddHHmm + 11 characters.
    let tail = '';
    for (let i = 0; i < 11; i++) tail += ALNUM.charAt(Math.floor(rng.next() * ALNUM.length));
    reference = `E${rng.pick(PIX_ISPBS)}${paidOn.slice(0, 4)}${paidOn.slice(5, 7)}${paidOn.slice(8, 10)}${rng.pick(TIMES_COMPACT)}${tail}`;
  } else if (method === 'cheque') reference = `Cheque nº ${rng.digits(6)}`;
  return {
    table: 'payments',
    invoiceId,
    paidOn,
    amountCents,
    method,
    source: 'import',
    reference,
    createdAt: ctx.stamp(Math.min(ctx.asOfDay, day + (method === 'pix' ? 0 : 1)), rng),
    createdBy: CREATED_BY,
  };
}
