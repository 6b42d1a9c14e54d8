import type {
  Address,
  Customer,
  CustomerKind,
  CustomerRow,
  CustomerStatus,
  FilterOptions,
  PortfolioTotals,
} from '../../../../shared/ipc/contract';
import { bucketDayRange, type AgingBucketKey } from '../../../../shared/domain/aging';
import type { Prepare } from '../statements';

/**
 * Per-customer open and overdue balances as of a date, derived from the títulos on demand. Aggregating
 * ~160k open títulos costs more than the page it feeds, so the result is kept in a connection-private TEMP
 * table and recomputed whenever the database changed (any commit on this connection or another one) or the
 * business date moved: it is a cache of the derivation, never a second source of truth.
 * The aggregate's WHERE matches the partial covering index `invoices_open_balance`.
 */
const BALANCES_TABLE = `
  CREATE TEMP TABLE IF NOT EXISTS portfolio_balances (
    customer_id INTEGER PRIMARY KEY,
    open_cents INTEGER NOT NULL,
    overdue_cents INTEGER NOT NULL,
    oldest_due TEXT
  )`;
const REFRESH_BALANCES = `
  INSERT INTO temp.portfolio_balances (customer_id, open_cents, overdue_cents, oldest_due)
  SELECT customer_id,
         SUM(amount_cents - paid_cents),
         SUM(CASE WHEN due_date < @asOf THEN amount_cents - paid_cents ELSE 0 END),
         MIN(CASE WHEN due_date < @asOf THEN due_date END)
  FROM invoices
  WHERE status IN ('open', 'partial', 'disputed')
  GROUP BY customer_id`;

export interface PortfolioFilter {
  search?: string | undefined;
  segment?: string | undefined;
  uf?: string | undefined;
  status?: CustomerStatus | undefined;
  salesRep?: string | undefined;
  overdueBucket?: AgingBucketKey | undefined;
  onlyOverdue?: boolean | undefined;
  sort: { field: 'legalName' | 'city' | 'openCents' | 'overdueCents' | 'oldestOverdueDays'; dir: 'asc' | 'desc' };
}

const SORT_SQL: Record<PortfolioFilter['sort']['field'], string> = {
  legalName: 'sort_name',
  city: 'sort_city',
  openCents: 'open_cents',
  overdueCents: 'overdue_cents',
  oldestOverdueDays: 'oldest_days',
};

/** The one ordering of the portfolio, shared by the screen and the CSV export: ties by id, no-overdue last. */
function orderBy(sort: PortfolioFilter['sort']): string {
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
  const nullsLast = sort.field === 'oldestOverdueDays' ? 'oldest_days IS NULL, ' : '';
  return `${nullsLast}${SORT_SQL[sort.field]} ${dir}, id ${dir}`;
}

export interface CustomerWrite {
  legalName: string;
  tradeName: string | null;
  document: string;
  kind: CustomerKind;
  segment: string | null;
  salesRep: string | null;
  address: Address;
  creditLimitCents: number;
  paymentTermsDays: number | null;
  status: CustomerStatus;
  tags: string[];
  notes: string | null;
}

interface CustomerDbRow {
  id: number;
  legal_name: string;
  trade_name: string | null;
  document: string;
  kind: CustomerKind;
  segment: string | null;
  sales_rep: string | null;
  street: string | null;
  street_number: string | null;
  complement: string | null;
  district: string | null;
  city: string | null;
  uf: string | null;
  postal_code: string | null;
  credit_limit_cents: number;
  payment_terms_days: number | null;
  status: CustomerStatus;
  tags: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

/** Lower-case, accent-free text the portfolio search matches with LIKE. */
export function searchTextOf(c: Pick<CustomerWrite, 'legalName' | 'tradeName' | 'document'>): string {
  return foldText(`${c.legalName} ${c.tradeName ?? ''} ${c.document}`);
}

export function foldText(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function customersRepo(prepare: Prepare) {
  prepare(BALANCES_TABLE).run();
  /** What the cached balances were computed from: business date, other connections' commits, our own writes. */
  let balancesKey = '';
  const keyOf = (asOf: string) =>
    `${asOf}|${prepare('PRAGMA data_version').pluck().get()}|${prepare('SELECT total_changes()').pluck().get()}`;
  function freshBalances(asOf: string): void {
    if (keyOf(asOf) === balancesKey) return;
    prepare('DELETE FROM temp.portfolio_balances').run();
    prepare(REFRESH_BALANCES).run({ asOf });
    // Our own refresh counts as changes, so the key is taken after it. Inside a transaction the temp table's
    // rows roll back with it, so a refresh that saw writes later undone cannot outlive them.
    balancesKey = keyOf(asOf);
  }

  function where(f: PortfolioFilter, p: Record<string, unknown>) {
    const customer: string[] = [];
    const derived: string[] = [];
    if (f.search) {
      const term = f.search.trim();
      // A masked CNPJ/CPF ("12.345.678/0001-90") is searched without its punctuation.
      const isDocLike = /^[\dA-Za-z.\/-]+$/.test(term) && /\d/.test(term);
      p.like = `%${foldText(isDocLike ? term.replace(/[.\/-]/g, '') : term).replace(/[%_\\]/g, '\\$&')}%`;
      p.docNumber = term;
      customer.push(
        `(c.search_text LIKE @like ESCAPE '\\' OR c.id IN (SELECT customer_id FROM invoices WHERE document_number = @docNumber))`,
      );
    }
    const equals = { segment: 'c.segment', uf: 'c.uf', status: 'c.status', salesRep: 'c.sales_rep' } as const;
    for (const [key, column] of Object.entries(equals) as [keyof typeof equals, string][]) {
      if (!f[key]) continue;
      p[key] = f[key];
      customer.push(`${column} = @${key}`);
    }
    if (f.onlyOverdue) derived.push('overdue_cents > 0');
    if (f.overdueBucket) {
      const { minDays, maxDays } = bucketDayRange(f.overdueBucket);
      if (minDays === null) derived.push('open_cents > 0 AND oldest_days IS NULL');
      else {
        p.minDays = minDays;
        derived.push('oldest_days >= @minDays');
        if (maxDays !== null) {
          p.maxDays = maxDays;
          derived.push('oldest_days <= @maxDays');
        }
      }
    }
    return {
      customerWhere: customer.length ? `WHERE ${customer.join(' AND ')}` : '',
      derivedWhere: derived.length ? `WHERE ${derived.join(' AND ')}` : '',
    };
  }

  function portfolioSql(f: PortfolioFilter, p: Record<string, unknown>) {
    freshBalances(p.asOf as string);
    const { customerWhere, derivedWhere } = where(f, p);
    return `
      WITH v AS (
        SELECT c.id, c.legal_name, c.trade_name, c.document, c.kind, c.segment, c.sales_rep, c.city, c.uf, c.status,
               c.sort_name, c.sort_city,
               COALESCE(b.open_cents, 0) AS open_cents,
               COALESCE(b.overdue_cents, 0) AS overdue_cents,
               CAST(julianday(@asOf) - julianday(b.oldest_due) AS INTEGER) AS oldest_days
        FROM customers c LEFT JOIN temp.portfolio_balances b ON b.customer_id = c.id
        ${customerWhere}
      )
      SELECT * FROM v ${derivedWhere}`;
  }

  function list(f: PortfolioFilter, asOf: string, offset: number, limit: number) {
    const p: Record<string, unknown> = { asOf, offset, limit };
    const sql = `
      SELECT *, COUNT(*) OVER () AS total_count, SUM(open_cents) OVER () AS total_open, SUM(overdue_cents) OVER () AS total_overdue
      FROM (${portfolioSql(f, p)})
      ORDER BY ${orderBy(f.sort)}
      LIMIT @limit OFFSET @offset`;
    const rows = prepare(sql).all(p) as (PortfolioDbRow & { total_count: number; total_open: number; total_overdue: number })[];
    const first = rows[0];
    const totals: PortfolioTotals = first
      ? { count: first.total_count, openCents: first.total_open, overdueCents: first.total_overdue }
      : offset > 0
        ? totalsOf(f, asOf)
        : { count: 0, openCents: 0, overdueCents: 0 };
    return { rows: rows.map(toRow), totals };
  }

  function totalsOf(f: PortfolioFilter, asOf: string): PortfolioTotals {
    const p: Record<string, unknown> = { asOf };
    const r = prepare(
      `SELECT COUNT(*) AS count, COALESCE(SUM(open_cents), 0) AS openCents, COALESCE(SUM(overdue_cents), 0) AS overdueCents FROM (${portfolioSql(f, p)})`,
    ).get(p) as PortfolioTotals;
    return r;
  }

  /** Every row of the filtered view, in display order, for CSV export. */
  function* iterate(f: PortfolioFilter, asOf: string): Generator<CustomerRow> {
    const p: Record<string, unknown> = { asOf };
    const sql = `SELECT * FROM (${portfolioSql(f, p)}) ORDER BY ${orderBy(f.sort)}`;
    for (const r of prepare(sql).iterate(p) as Iterable<PortfolioDbRow>) yield toRow(r);
  }

  return {
    list,
    totalsOf,
    iterate,
    get(id: number): Customer | null {
      const r = prepare('SELECT * FROM customers WHERE id = ?').get(id) as CustomerDbRow | undefined;
      return r ? toCustomer(r) : null;
    },
    findByDocument(document: string): { id: number; legalName: string } | null {
      const r = prepare('SELECT id, legal_name AS legalName FROM customers WHERE document = ?').get(document);
      return (r as { id: number; legalName: string } | undefined) ?? null;
    },
    insert(c: CustomerWrite, at: string): number {
      const info = prepare(
        `INSERT INTO customers (legal_name, trade_name, document, kind, segment, sales_rep, street, street_number, complement,
           district, city, uf, postal_code, credit_limit_cents, payment_terms_days, status, tags, notes, search_text, sort_name, sort_city, created_at, updated_at)
         VALUES (@legalName, @tradeName, @document, @kind, @segment, @salesRep, @street, @streetNumber, @complement,
           @district, @city, @uf, @postalCode, @creditLimitCents, @paymentTermsDays, @status, @tags, @notes, @searchText,
           @sortName, @sortCity, @at, @at)`,
      ).run(writeParams(c, at));
      return Number(info.lastInsertRowid);
    },
    update(id: number, c: CustomerWrite, at: string): void {
      prepare(
        `UPDATE customers SET legal_name = @legalName, trade_name = @tradeName, document = @document, kind = @kind,
           segment = @segment, sales_rep = @salesRep, street = @street, street_number = @streetNumber, complement = @complement,
           district = @district, city = @city, uf = @uf, postal_code = @postalCode, credit_limit_cents = @creditLimitCents,
           payment_terms_days = @paymentTermsDays, status = @status, tags = @tags, notes = @notes, search_text = @searchText,
           sort_name = @sortName, sort_city = @sortCity, updated_at = @at
         WHERE id = @id`,
      ).run({ ...writeParams(c, at), id });
    },
    balance(id: number, asOf: string) {
      return prepare(
        `SELECT COALESCE(SUM(amount_cents - paid_cents), 0) AS openCents,
                COALESCE(SUM(CASE WHEN due_date < @asOf THEN amount_cents - paid_cents ELSE 0 END), 0) AS overdueCents,
                CAST(julianday(@asOf) - julianday(MIN(CASE WHEN due_date < @asOf THEN due_date END)) AS INTEGER) AS oldestOverdueDays,
                COUNT(*) AS openCount,
                COALESCE(SUM(due_date < @asOf), 0) AS overdueCount
         FROM invoices WHERE customer_id = @id AND status IN ('open', 'partial', 'disputed')`,
      ).get({ id, asOf }) as { openCents: number; overdueCents: number; oldestOverdueDays: number | null; openCount: number; overdueCount: number };
    },
    filterOptions(): FilterOptions {
      const distinct = (col: string) =>
        prepare(`SELECT DISTINCT ${col} FROM customers WHERE ${col} IS NOT NULL AND ${col} <> '' ORDER BY ${col} COLLATE NOCASE`)
          .pluck()
          .all() as string[];
      return { segments: distinct('segment'), ufs: distinct('uf'), salesReps: distinct('sales_rep') };
    },
    count(): number {
      return prepare('SELECT COUNT(*) FROM customers').pluck().get() as number;
    },
  };
}

export type CustomersRepo = ReturnType<typeof customersRepo>;

interface PortfolioDbRow {
  id: number;
  legal_name: string;
  trade_name: string | null;
  document: string;
  kind: CustomerKind;
  segment: string | null;
  sales_rep: string | null;
  city: string | null;
  uf: string | null;
  status: CustomerStatus;
  open_cents: number;
  overdue_cents: number;
  oldest_days: number | null;
}

function toRow(r: PortfolioDbRow): CustomerRow {
  return {
    id: r.id,
    legalName: r.legal_name,
    tradeName: r.trade_name,
    document: r.document,
    kind: r.kind,
    segment: r.segment,
    salesRep: r.sales_rep,
    city: r.city,
    uf: r.uf,
    status: r.status,
    openCents: r.open_cents,
    overdueCents: r.overdue_cents,
    oldestOverdueDays: r.oldest_days,
  };
}

function toCustomer(r: CustomerDbRow): Customer {
  return {
    id: r.id,
    legalName: r.legal_name,
    tradeName: r.trade_name,
    document: r.document,
    kind: r.kind,
    segment: r.segment,
    salesRep: r.sales_rep,
    address: {
      street: r.street,
      streetNumber: r.street_number,
      complement: r.complement,
      district: r.district,
      city: r.city,
      uf: r.uf,
      postalCode: r.postal_code,
    },
    creditLimitCents: r.credit_limit_cents,
    paymentTermsDays: r.payment_terms_days,
    status: r.status,
    tags: JSON.parse(r.tags) as string[],
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function writeParams(c: CustomerWrite, at: string) {
  return {
    legalName: c.legalName,
    tradeName: c.tradeName,
    document: c.document,
    kind: c.kind,
    segment: c.segment,
    salesRep: c.salesRep,
    ...c.address,
    creditLimitCents: c.creditLimitCents,
    paymentTermsDays: c.paymentTermsDays,
    status: c.status,
    tags: JSON.stringify(c.tags),
    notes: c.notes,
    searchText: searchTextOf(c),
    sortName: foldText(c.legalName),
    sortCity: foldText(c.address.city ?? ''),
    at,
  };
}
