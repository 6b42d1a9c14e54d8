import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { navigate } from '../../components/route';
import { toast } from '../../components/toast.store';
import { date, integer, money } from '../../i18n/format';
import { platform } from '../../platform/platform';
import { CustomerFormDialog } from '../customer/CustomerFormDialog';
import { portfolioColumns, type ColumnMeta } from './columns';
import { FilterBar } from './FilterBar';
import { PAGE_SIZE, rowAt, usePortfolio } from './portfolio.store';

const ROW_HEIGHT = 48;

export function PortfolioPage() {
  const { t, i18n } = useTranslation();
  const { query, pages, total, totals, asOf, error, loading, ensurePage, toggleSort, reload } = usePortfolio();
  const [active, setActive] = useState(0);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void reload();
    return api.on('data.changed', () => void usePortfolio.getState().reload());
  }, [reload]);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) void ensurePage(p);
  }, [first, last, ensurePage, pages]);

  useEffect(() => setActive((a) => Math.min(a, Math.max(0, total - 1))), [total]);

  const windowRows = useMemo(() => items.map((vi) => rowAt(pages, vi.index) ?? null), [items, pages]);
  const columns = useMemo(() => portfolioColumns(t), [t, i18n.language]);
  const table = useReactTable<CustomerRow>({
    data: windowRows.filter((r): r is CustomerRow => r !== null),
    columns,
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    getCoreRowModel: getCoreRowModel(),
  });
  const tableRows = new Map(table.getRowModel().rows.map((r) => [r.original.id, r]));
  const leafColumns = table.getVisibleLeafColumns();
  const template = leafColumns.map((c) => (c.columnDef.meta as ColumnMeta).width).join(' ');

  function open(index: number) {
    const row = rowAt(pages, index);
    if (row) navigate({ name: 'customer', id: row.id });
  }

  function onGridKey(e: KeyboardEvent) {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 480) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: pageRows, PageUp: -pageRows };
    let next: number | null = null;
    if (e.key in moves) next = active + moves[e.key]!;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = total - 1;
    else if (e.key === 'Enter') open(active);
    if (next !== null) {
      e.preventDefault();
      const clamped = Math.max(0, Math.min(total - 1, next));
      setActive(clamped);
      virtualizer.scrollToIndex(clamped, { align: 'auto' });
    }
  }

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function exportCsv() {
    setExporting(true);
    try {
      const { sort: _sort, ...filters } = query;
      const file = await api.invoke('customers.exportCsv', { ...filters, ...(query.sort ? { sort: query.sort } : {}) });
      const r = await platform.saveFile(file.fileName, file.content, 'text/csv;charset=utf-8');
      if (r.saved) toast.success(t('portfolio.exported', { file: r.fileName ?? file.fileName, count: file.rowCount }));
    } catch (e) {
      toast.error(t('errors.generic', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setExporting(false);
    }
  }

  const filtered = Object.keys(query).some((k) => k !== 'sort');
  const sort = query.sort;

  return (
    <section className="page page--portfolio" aria-labelledby="portfolio-title">
      <header className="page__header">
        <div>
          <h1 id="portfolio-title">{t('portfolio.title')}</h1>
          {asOf && <p className="page__subtitle">{t('common.asOf', { date: date(asOf) })}</p>}
        </div>
        <div className="page__actions">
          <button type="button" className="button" onClick={() => void exportCsv()} disabled={exporting || total === 0} data-testid="export-csv">
            {t('portfolio.exportCsv')}
          </button>
          <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="new-customer">
            {t('portfolio.newCustomer')}
          </button>
        </div>
      </header>

      <FilterBar searchRef={searchRef} />

      {totals && (
        <div className="totals" data-testid="portfolio-totals">
          <div className="totals__item">
            <span className="totals__label">{t('portfolio.totals')}</span>
            <strong className="totals__value" data-testid="totals-count">{integer(totals.count)}</strong>
          </div>
          <div className="totals__item">
            <span className="totals__label">{t('portfolio.totalOpen')}</span>
            <strong className="totals__value num" data-testid="totals-open">{money(totals.openCents)}</strong>
          </div>
          <div className="totals__item totals__item--danger">
            <span className="totals__label">{t('portfolio.totalOverdue')}</span>
            <strong className="totals__value num" data-testid="totals-overdue">{money(totals.overdueCents)}</strong>
          </div>
          <div className="totals__hint">{t('portfolio.keyboardHint')}</div>
        </div>
      )}

      {error && (
        <div className="alert alert--error" role="alert">
          {error}{' '}
          <button type="button" className="link-button" onClick={() => void reload()}>
            {t('common.retry')}
          </button>
        </div>
      )}

      <div className="grid" role="grid" aria-rowcount={total + 1} aria-labelledby="portfolio-title" data-testid="portfolio-grid">
        <div className="grid__head" role="row" style={{ gridTemplateColumns: template }}>
          {table.getHeaderGroups()[0]!.headers.map((h) => {
            const meta = h.column.columnDef.meta as ColumnMeta;
            const sorted = meta.sortField && sort?.field === meta.sortField ? sort.dir : null;
            return (
              <div
                key={h.id}
                role="columnheader"
                className={`grid__th ${meta.numeric ? 'num' : ''}`}
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
              >
                {meta.sortField ? (
                  <button type="button" className="sort-button" onClick={() => toggleSort(meta.sortField!)} data-testid={`sort-${meta.sortField}`}>
                    {flexRender(h.column.columnDef.header, h.getContext())}
                    <span className="sort-button__arrow" aria-hidden="true">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                    </span>
                  </button>
                ) : (
                  flexRender(h.column.columnDef.header, h.getContext())
                )}
              </div>
            );
          })}
        </div>
        <div
          ref={scrollRef}
          className="grid__body"
          tabIndex={0}
          onKeyDown={onGridKey}
          aria-activedescendant={total > 0 ? `portfolio-row-${active}` : undefined}
          data-testid="portfolio-body"
        >
          {total === 0 && !loading ? (
            <EmptyState
              title={t('portfolio.emptyTitle')}
              text={filtered ? t('portfolio.emptyFiltered') : t('portfolio.emptyCompany')}
              action={
                filtered ? (
                  <button type="button" className="button" onClick={() => usePortfolio.getState().clearFilters()}>
                    {t('portfolio.clearFilters')}
                  </button>
                ) : (
                  <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
                    {t('portfolio.newCustomer')}
                  </button>
                )
              }
            />
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((vi, i) => {
                const data = windowRows[i];
                const row = data ? tableRows.get(data.id) : undefined;
                return (
                  <div
                    key={vi.key}
                    id={`portfolio-row-${vi.index}`}
                    role="row"
                    aria-rowindex={vi.index + 2}
                    aria-selected={vi.index === active}
                    className={`grid__row ${vi.index === active ? 'grid__row--active' : ''} ${vi.index % 2 ? 'grid__row--odd' : ''}`}
                    style={{ gridTemplateColumns: template, transform: `translateY(${vi.start}px)`, height: ROW_HEIGHT }}
                    onClick={() => setActive(vi.index)}
                    onDoubleClick={() => open(vi.index)}
                    data-testid={row ? 'portfolio-row' : 'portfolio-row-loading'}
                  >
                    {row
                      ? row.getVisibleCells().map((cell) => (
                          <div key={cell.id} role="gridcell" className={`grid__td ${(cell.column.columnDef.meta as ColumnMeta).numeric ? 'num' : ''}`}>
                            {cell.column.id === 'legalName' ? (
                              <a href={`#/clientes/${row.original.id}`} className="row-link" tabIndex={-1}>
                                {flexRender(cell.column.columnDef.cell, cell.getContext())}
                              </a>
                            ) : (
                              flexRender(cell.column.columnDef.cell, cell.getContext())
                            )}
                          </div>
                        ))
                      : leafColumns.map((c) => (
                          <div key={c.id} role="gridcell" className="grid__td">
                            <span className="skeleton" />
                          </div>
                        ))}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>

      {creating && (
        <CustomerFormDialog
          onClose={() => setCreating(false)}
          onSaved={(c) => {
            setCreating(false);
            navigate({ name: 'customer', id: c.id });
          }}
        />
      )}
    </section>
  );
}
