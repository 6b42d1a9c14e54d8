import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { CustomerRow } from '../../../../shared/ipc/contract';
import { doc, integer, money } from '../../i18n/format';
import type { SortField } from './portfolio.store';

const col = createColumnHelper<CustomerRow>();

export interface ColumnMeta {
  numeric?: boolean;
  sortField?: SortField;
  width: string;
}

export function portfolioColumns(t: TFunction) {
  return [
    col.accessor('legalName', {
      header: t('portfolio.columns.legalName'),
      meta: { sortField: 'legalName', width: 'minmax(200px, 2.6fr)' } satisfies ColumnMeta,
      cell: (c) => (
        <div className="cell-name">
          <span className="cell-name__main">{c.getValue()}</span>
          {c.row.original.tradeName && <span className="cell-name__sub">{c.row.original.tradeName}</span>}
        </div>
      ),
    }),
    col.accessor('document', {
      header: t('portfolio.columns.document'),
      meta: { width: '156px' } satisfies ColumnMeta,
      cell: (c) => <span className="mono">{doc(c.getValue())}</span>,
    }),
    col.accessor('segment', {
      header: t('portfolio.columns.segment'),
      meta: { width: 'minmax(96px, 1fr)' } satisfies ColumnMeta,
      cell: (c) => c.getValue() ?? '—',
    }),
    col.accessor('city', {
      header: t('portfolio.columns.city'),
      meta: { sortField: 'city', width: 'minmax(120px, 1.2fr)' } satisfies ColumnMeta,
      cell: (c) => (c.getValue() ? `${c.getValue()}/${c.row.original.uf ?? ''}` : '—'),
    }),
    col.accessor('openCents', {
      header: t('portfolio.columns.openCents'),
      meta: { numeric: true, sortField: 'openCents', width: '128px' } satisfies ColumnMeta,
      cell: (c) => money(c.getValue()),
    }),
    col.accessor('overdueCents', {
      header: t('portfolio.columns.overdueCents'),
      meta: { numeric: true, sortField: 'overdueCents', width: '128px' } satisfies ColumnMeta,
      cell: (c) => <span className={c.getValue() > 0 ? 'text-danger' : 'text-muted'}>{money(c.getValue())}</span>,
    }),
    col.accessor('oldestOverdueDays', {
      header: t('portfolio.columns.oldestOverdueDays'),
      meta: { numeric: true, sortField: 'oldestOverdueDays', width: '72px' } satisfies ColumnMeta,
      cell: (c) => {
        const d = c.getValue();
        return d === null ? <span className="text-muted">—</span> : <span className={daysClass(d)}>{integer(d)}</span>;
      },
    }),
    col.accessor('status', {
      header: t('portfolio.columns.status'),
      meta: { width: '92px' } satisfies ColumnMeta,
      cell: (c) => <span className={`badge badge--${c.getValue()}`}>{t(`status.${c.getValue()}`)}</span>,
    }),
  ];
}

function daysClass(days: number) {
  if (days > 90) return 'days days--severe';
  if (days > 30) return 'days days--high';
  return 'days days--low';
}
