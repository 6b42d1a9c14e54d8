import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBasisPoints } from '../../../../shared/domain/negotiation';
import type { Dispute, TimelineEntry, TimelineKind } from '../../../../shared/ipc/negotiation.contract';
import { api } from '../../api/client';
import { navigate } from '../../components/route';
import { toast } from '../../components/toast.store';
import { date, dateTime, integer, money } from '../../i18n/format';
import { DebtTable } from './DebtTable';
import { DisputeDialog, NoteDialog, PromiseDialog, ResolveDisputeDialog } from './HistoryDialogs';
import { isTypingTarget } from './negotiation-input';
import { useCustomerNegotiation } from './negotiation.store';

/** Loads the negotiation parts of the customer page and reloads them whenever the backend writes. */
function useCustomerNegotiationData(customerId: number, asOf: string) {
  useEffect(() => {
    const load = () => void useCustomerNegotiation.getState().load(customerId, asOf).catch((e: unknown) => toast.error(e instanceof Error ? e.message : String(e)));
    load();
    return api.on('data.changed', load);
  }, [customerId, asOf]);
  return useCustomerNegotiation();
}

type Open = 'promise' | 'dispute' | 'note' | null;

/** Header actions: promise, dispute, note, "Negociar"; P / C / A / N when the clerk is not typing. */
export function NegotiationActions({ customerId, asOf }: { customerId: number; asOf: string }) {
  const { t } = useTranslation();
  const { openInvoices, agreements, disputes, promises } = useCustomerNegotiationData(customerId, asOf);
  const [open, setOpen] = useState<Open>(null);
  const badges = [
    agreements.some((a) => a.status === 'active') && 'inNegotiation',
    disputes.some((d) => d.resolvedAt === null) && 'disputed',
    promises.some((p) => p.status === 'pending') && 'promised',
  ].filter((b): b is 'inNegotiation' | 'disputed' | 'promised' => b !== false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const action = ({ p: 'promise', c: 'dispute', a: 'note' } as const)[e.key.toLowerCase() as 'p' | 'c' | 'a'];
      if (action) {
        e.preventDefault();
        setOpen(action);
      } else if (e.key.toLowerCase() === 'n') {
        e.preventDefault();
        navigate({ name: 'negotiation', customerId });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [customerId]);

  const close = () => setOpen(null);
  return (
    <div className="neg-actions" role="group" aria-label={t('negotiation.actions.shortcuts')} title={t('negotiation.actions.shortcuts')}>
      {badges.map((b) => (
        <span key={b} className={`badge badge--neg-${b}`} data-testid={`badge-${b}`}>
          {t(`negotiation.badges.${b}`)}
        </span>
      ))}
      <button type="button" className="button" onClick={() => setOpen('promise')} data-testid="action-promise" aria-keyshortcuts="P">
        {t('negotiation.actions.promise')}
      </button>
      <button type="button" className="button" onClick={() => setOpen('dispute')} data-testid="action-dispute" aria-keyshortcuts="C">
        {t('negotiation.actions.dispute')}
      </button>
      <button type="button" className="button" onClick={() => setOpen('note')} data-testid="action-note" aria-keyshortcuts="A">
        {t('negotiation.actions.note')}
      </button>
      <a className="button button--primary" href={`#/clientes/${customerId}/negociar`} data-testid="action-negotiate" aria-keyshortcuts="N">
        {t('negotiation.actions.negotiate')}
      </a>
      {open === 'promise' && <PromiseDialog customerId={customerId} invoices={openInvoices} asOf={asOf} onClose={close} />}
      {open === 'dispute' && <DisputeDialog invoices={openInvoices} onClose={close} />}
      {open === 'note' && <NoteDialog customerId={customerId} onClose={close} />}
    </div>
  );
}

/**
 * Open títulos with multa and juros to today, as the backend computes them for a negotiation (same domain
 * code, the customer's bank calendar). Disputed títulos are listed without charges and left out of the total.
 */
export function UpdatedDebtPanel() {
  const { t } = useTranslation();
  const { openInvoices, settings, updated } = useCustomerNegotiation();
  if (!settings) return null;
  const lineById = new Map((updated?.lines ?? []).map((l) => [l.invoiceId, l]));
  const disputed = openInvoices.some((i) => i.status === 'disputed');
  return (
    <div className="panel" data-testid="updated-debt">
      <div className="panel__header">
        <h2>{t('negotiation.updated.title')}</h2>
        <span className="text-muted neg-small">
          {t('negotiation.updated.hint', { fine: formatBasisPoints(settings.charges.finePercentBp), interest: formatBasisPoints(settings.charges.monthlyInterestBp) })}
        </span>
      </div>
      {openInvoices.length === 0 ? (
        <p className="panel__empty">{t('negotiation.updated.none')}</p>
      ) : (
        <DebtTable
          rows={openInvoices.map((i) => ({ invoiceId: i.id, documentNumber: i.documentNumber, dueDate: i.dueDate, principalCents: i.openCents, line: lineById.get(i.id) ?? null }))}
          totals={updated?.totals ?? null}
          testId="updated-debt-table"
          totalTestId="updated-total"
        />
      )}
      {disputed && <p className="panel__note">{t('negotiation.page.disputedSkipped')}</p>}
    </div>
  );
}

/** Pending promises, open disputes (resolve) and agreements (open their page). */
export function NegotiationSidePanel() {
  const { t } = useTranslation();
  const { promises, disputes, agreements } = useCustomerNegotiation();
  const [resolving, setResolving] = useState<Dispute | null>(null);
  const pending = promises.filter((p) => p.status === 'pending');
  const keptCount = promises.filter((p) => p.status === 'kept').length;
  const brokenCount = promises.filter((p) => p.status === 'broken').length;
  const openDisputes = disputes.filter((d) => d.resolvedAt === null);

  async function closePromise(id: number, status: 'kept' | 'cancelled') {
    try {
      await api.invoke('promises.update', { id, status });
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <>
      <div className="panel" data-testid="negotiation-side">
        <div className="panel__header">
          <h2>{t('negotiation.side.agreements')}</h2>
        </div>
        {agreements.length === 0 ? (
          <p className="panel__empty">{t('negotiation.side.noAgreements')}</p>
        ) : (
          <ul className="neg-list">
            {agreements.map((a) => (
              <li key={a.id} className="neg-list__item">
                <a href={`#/acordos/${a.id}`} className="mono" data-testid="agreement-link">
                  ACD-{a.id}
                </a>
                <span className="num">{money(a.totalToPayCents)}</span>
                <span className={`badge badge--agreement-${a.status}`}>{t(`negotiation.status.${a.status === 'broken' ? 'brokenAgreement' : a.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="panel__header panel__header--sub">
          <h2>{t('negotiation.side.promises')}</h2>
          {keptCount + brokenCount > 0 && (
            <span className="text-muted neg-small" data-testid="promise-record">
              {t('negotiation.side.record', { kept: keptCount, broken: brokenCount })}
            </span>
          )}
        </div>
        {pending.length === 0 ? (
          <p className="panel__empty">{t('negotiation.side.none')}</p>
        ) : (
          <ul className="neg-list">
            {pending.map((p) => (
              <li key={p.id} className="neg-list__item" data-testid="pending-promise">
                <span>{date(p.promisedDate)}</span>
                <span className="num">{money(p.amountCents)}</span>
                <span className="neg-list__actions">
                  <button type="button" className="link-button link-button--small" onClick={() => void closePromise(p.id, 'kept')}>
                    {t('negotiation.side.kept')}
                  </button>
                  <button type="button" className="link-button link-button--small" onClick={() => void closePromise(p.id, 'cancelled')}>
                    {t('negotiation.side.cancel')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
        <div className="panel__header panel__header--sub">
          <h2>{t('negotiation.side.disputes')}</h2>
        </div>
        {openDisputes.length === 0 ? (
          <p className="panel__empty">{t('negotiation.side.none')}</p>
        ) : (
          <ul className="neg-list">
            {openDisputes.map((d) => (
              <li key={d.id} className="neg-list__item" data-testid="open-dispute">
                <span className="mono">{d.documentNumber}</span>
                <span className="neg-list__text" title={d.reason}>
                  {d.reason}
                </span>
                <button type="button" className="button button--small" onClick={() => setResolving(d)} data-testid="resolve-dispute">
                  {t('negotiation.side.resolve')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {resolving && <ResolveDisputeDialog dispute={resolving} onClose={() => setResolving(null)} />}
    </>
  );
}

const KINDS: TimelineKind[] = ['invoices', 'payments', 'messages', 'calls', 'promises', 'agreements', 'disputes', 'notes', 'other'];
const PAGE = 50;

/** One merged timeline of everything that happened with the customer, filterable by kind. */
export function CustomerTimeline({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const [rows, setRows] = useState<TimelineEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [limit, setLimit] = useState(PAGE);

  useEffect(() => {
    let live = true;
    const load = () =>
      api.invoke('timeline.list', { customerId, kinds, limit }).then(
        (page) => live && (setRows(page.rows), setTotal(page.total)),
        (e: unknown) => toast.error(e instanceof Error ? e.message : String(e)),
      );
    void load();
    const off = api.on('data.changed', () => void load());
    return () => {
      live = false;
      off();
    };
  }, [customerId, kinds, limit]);

  const toggle = (k: TimelineKind) => setKinds((cur) => (cur.includes(k) ? cur.filter((x) => x !== k) : [...cur, k]));
  const label = (event: string) => t(`negotiation.events.${event}`, { defaultValue: t(`activity.${event}`, { defaultValue: event }) });

  return (
    <div className="panel" data-testid="timeline">
      <div className="panel__header">
        <h2>{t('negotiation.timeline.title')}</h2>
        <div className="neg-chips" role="group" aria-label={t('negotiation.timeline.title')}>
          {KINDS.map((k) => (
            <button key={k} type="button" className={`chip ${kinds.includes(k) ? 'is-active' : ''}`} aria-pressed={kinds.includes(k)} onClick={() => toggle(k)} data-testid={`timeline-filter-${k}`}>
              {t(`negotiation.timeline.kinds.${k}`)}
            </button>
          ))}
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="panel__empty">{t('negotiation.timeline.empty')}</p>
      ) : (
        <ol className="neg-timeline">
          {rows.map((r) => (
            <li key={r.key} className={`neg-timeline__item neg-timeline__item--${r.kind}`} data-testid="timeline-entry" data-event={r.event}>
              <span className="neg-timeline__when">{r.at.length === 10 ? date(r.at) : dateTime(r.at)}</span>
              <span className="neg-timeline__what">
                <strong>{label(r.event)}</strong>
                {r.documentNumber && <span className="mono"> · {r.documentNumber}</span>}
                {r.amountCents !== null && <span className="num"> · {money(r.amountCents)}</span>}
                {r.text && <span className="neg-timeline__text">{r.event === 'payment' ? t(`paymentMethod.${r.text}`, { defaultValue: r.text }) : r.text}</span>}
              </span>
              <span className="neg-timeline__who">{r.actor ?? '—'}</span>
            </li>
          ))}
        </ol>
      )}
      {total > rows.length && (
        <button type="button" className="link-button neg-more" onClick={() => setLimit((l) => l + PAGE)}>
          {t('negotiation.timeline.more')} ({integer(rows.length)} / {integer(total)})
        </button>
      )}
    </div>
  );
}
