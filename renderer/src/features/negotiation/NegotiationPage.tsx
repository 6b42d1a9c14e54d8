import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBrDate, parseBrDate } from '../../../../shared/domain/dates';
import type { ScheduleEntry } from '../../../../shared/domain/negotiation';
import type { CustomerDetail, InvoiceRow } from '../../../../shared/ipc/contract';
import type { NegotiationSimulation, OfferEvaluation } from '../../../../shared/ipc/negotiation.contract';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { navigate } from '../../components/route';
import { toast } from '../../components/toast.store';
import { date, integer, money } from '../../i18n/format';
import { apiFieldErrors } from '../../components/form-errors';
import { ApprovalDialog, type ApprovalCredentials } from '../users/ApprovalDialog';
import { DebtTable } from './DebtTable';
import { defaultDrafts, draftToOffer, scheduleLabel, type DraftErrors, type OfferDraft } from './offer-draft';

/** The negotiation screen: pick títulos and an as-of date, compare up to 3 offers, create the agreement. */
export function NegotiationPage({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<CustomerDetail | null>(null);
  const [invoices, setInvoices] = useState<InvoiceRow[] | null>(null);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [asOfText, setAsOfText] = useState('');
  const [correction, setCorrection] = useState('');
  const [drafts, setDrafts] = useState<OfferDraft[] | null>(null);
  const [chosen, setChosen] = useState(0);
  const [sim, setSim] = useState<NegotiationSimulation | null>(null);
  const [simError, setSimError] = useState<string | null>(null);
  const [approving, setApproving] = useState<string[] | null>(null);
  const [creating, setCreating] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    Promise.all([api.invoke('customers.get', { id: customerId }), api.invoke('invoices.list', { customerId, scope: 'open', limit: 500 })]).then(
      ([d, inv]) => {
        setDetail(d);
        setInvoices(inv.rows);
        const negotiable = inv.rows.filter((i) => i.status !== 'disputed');
        const overdue = negotiable.filter((i) => i.daysOverdue > 0);
        setPicked(new Set((overdue.length ? overdue : negotiable).map((i) => i.id)));
        setAsOfText(formatBrDate(d.asOf));
      },
      (e: unknown) => setSimError(e instanceof Error ? e.message : String(e)),
    );
  }, [customerId]);

  const invalid = useMemo(
    () => ({ date: t('form.invalidDate'), money: t('form.invalidMoney'), percent: t('negotiation.offer.invalidPercent'), integer: t('negotiation.offer.invalidInteger') }),
    [t],
  );
  const asOf = parseBrDate(asOfText);
  const parsed = useMemo(() => (drafts ?? []).map((d) => draftToOffer(d, invalid)), [drafts, invalid]);

  // Re-simulate (server side, the same domain code that will store the agreement) on every change.
  useEffect(() => {
    if (!asOf || picked.size === 0) return;
    const id = ++seq.current;
    const valid = parsed.filter((p) => p.offer !== null).map((p) => p.offer!);
    const timer = setTimeout(() => {
      api.invoke('negotiation.simulate', { customerId, invoiceIds: [...picked], asOf, correctionFactor: correction || null, offers: valid }).then(
        (s) => {
          if (id !== seq.current) return;
          setSim(s);
          setSimError(null);
          if (drafts === null) setDrafts(defaultDrafts(s.asOf, s.totals.totalCents));
        },
        (e: unknown) => id === seq.current && setSimError(e instanceof Error ? e.message : String(e)),
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [customerId, picked, asOf, correction, parsed, drafts]);

  /** The simulation's evaluation for draft i (invalid drafts are not sent). */
  function evaluationFor(i: number): OfferEvaluation | null {
    if (!sim || parsed[i]?.offer === null) return null;
    const index = parsed.slice(0, i).filter((p) => p.offer !== null).length;
    return sim.offers[index] ?? null;
  }

  /** Creates the chosen offer's agreement; a refusal throws (the approval dialog shows it on its fields). */
  async function submitAgreement(approval: ApprovalCredentials | null) {
    const offer = parsed[chosen]?.offer;
    if (!offer || !asOf) return;
    const a = await api.invoke('agreements.create', { customerId, invoiceIds: [...picked], asOf, correctionFactor: correction || null, offer, approval });
    setApproving(null);
    toast.success(t('negotiation.created', { id: a.id }));
    navigate({ name: 'agreement', id: a.id });
  }

  async function create() {
    const evaluation = evaluationFor(chosen);
    if (!parsed[chosen]?.offer || !asOf || !evaluation?.ok) return;
    // Beyond the acting user's limits (a clerk's), a supervisor approves on this screen with login and password.
    if (evaluation.policy.needsApproval) {
      setApproving(evaluation.policy.reasons);
      return;
    }
    setCreating(true);
    try {
      await submitAgreement(null);
    } catch (e) {
      toast.error(apiFieldErrors(e).message);
    } finally {
      setCreating(false);
    }
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && approving === null) {
        e.preventDefault();
        void create();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!detail || !invoices) {
    return <section className="page page--loading">{simError ?? t('common.loading')}</section>;
  }
  const negotiable = invoices.filter((i) => i.status !== 'disputed');
  const lineById = new Map((sim?.lines ?? []).map((l) => [l.invoiceId, l]));
  const updateDraft = (i: number, patch: Partial<OfferDraft>) => setDrafts((ds) => ds!.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const togglePick = (id: number) =>
    setPicked((cur) => {
      const next = new Set(cur);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="page page--negotiation" aria-labelledby="negotiation-title">
      <a href={`#/clientes/${customerId}`} className="back-link">
        ← {t('negotiation.page.back')}
      </a>
      <header className="page__header">
        <div>
          <h1 id="negotiation-title">{t('negotiation.page.title', { name: detail.customer.legalName })}</h1>
          <p className="page__subtitle">{t('negotiation.page.keyboard')}</p>
        </div>
        <div className="neg-basis">
          <Field label={t('negotiation.page.asOf')} hint={t('negotiation.page.asOfHint')} error={asOf ? undefined : t('form.invalidDate')}>
            <input value={asOfText} onChange={(e) => setAsOfText(e.target.value)} placeholder="dd/mm/aaaa" autoFocus data-testid="neg-asof" />
          </Field>
          <Field label={t('negotiation.page.correction')} hint={t('negotiation.page.correctionHint')}>
            <input value={correction} onChange={(e) => setCorrection(e.target.value)} inputMode="decimal" placeholder="1,0000" data-testid="neg-correction" />
          </Field>
        </div>
      </header>

      {negotiable.length === 0 ? (
        <EmptyState title={t('negotiation.page.noInvoices')} text={t('negotiation.page.disputedSkipped')} />
      ) : (
        <>
          <div className="panel">
            <div className="panel__header">
              <h2>{t('negotiation.page.invoices')}</h2>
              <button type="button" className="link-button link-button--small" onClick={() => setPicked(new Set(negotiable.map((i) => i.id)))}>
                {t('negotiation.page.selectAll')}
              </button>
            </div>
            <DebtTable
              rows={negotiable.map((inv) => ({ invoiceId: inv.id, documentNumber: inv.documentNumber, dueDate: inv.dueDate, principalCents: inv.openCents, line: lineById.get(inv.id) ?? null }))}
              totals={sim && picked.size > 0 ? sim.totals : null}
              showCorrection={correction !== ''}
              selection={{ picked, toggle: togglePick }}
              testId="neg-invoices"
              totalTestId="neg-debt-total"
            />
            {invoices.length > negotiable.length && <p className="panel__note">{t('negotiation.page.disputedSkipped')}</p>}
          </div>

          {picked.size === 0 && <p className="alert alert--error">{t('negotiation.page.pickOne')}</p>}
          {simError && (
            <p className="alert alert--error" role="alert" data-testid="neg-error">
              {simError}
            </p>
          )}

          {drafts && (
            <div className="neg-offers" data-testid="neg-offers">
              {drafts.map((d, i) => (
                <OfferCard
                  key={i}
                  index={i}
                  draft={d}
                  errors={parsed[i]?.errors ?? {}}
                  evaluation={evaluationFor(i)}
                  chosen={chosen === i}
                  onChoose={() => setChosen(i)}
                  onChange={(patch) => updateDraft(i, patch)}
                  onRemove={drafts.length > 1 ? () => (setDrafts(drafts.filter((_, j) => j !== i)), setChosen(0)) : undefined}
                />
              ))}
              {drafts.length < 3 && (
                <button type="button" className="neg-offer neg-offer--add" onClick={() => setDrafts([...drafts, { ...drafts[drafts.length - 1]! }])}>
                  + {t('negotiation.page.addOffer')}
                </button>
              )}
            </div>
          )}

          <div className="neg-footer">
            <button type="button" className="button button--primary button--large" disabled={creating || !evaluationFor(chosen)?.ok || picked.size === 0} onClick={() => void create()} data-testid="create-agreement" aria-keyshortcuts="Control+Enter">
              {creating ? t('negotiation.creating') : `${t('negotiation.create')} · ${t('negotiation.offer.name', { n: chosen + 1 })}`}
            </button>
          </div>
        </>
      )}
      {approving && (
        <ApprovalDialog title={t('negotiation.approval.title')} confirmLabel={t('negotiation.approval.confirm')} onClose={() => setApproving(null)} onApprove={submitAgreement}>
          <p className="dialog__lead">{t('negotiation.approval.lead')}</p>
          <ul className="neg-reasons">
            {approving.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </ApprovalDialog>
      )}
    </section>
  );
}

interface OfferCardProps {
  index: number;
  draft: OfferDraft;
  errors: DraftErrors;
  evaluation: OfferEvaluation | null;
  chosen: boolean;
  onChoose(): void;
  onChange(patch: Partial<OfferDraft>): void;
  onRemove: (() => void) | undefined;
}

function OfferCard({ index, draft: d, errors, evaluation: ev, chosen, onChoose, onChange, onRemove }: OfferCardProps) {
  const { t } = useTranslation();
  const o = (k: string) => t(`negotiation.offer.${k}`);
  const text = (key: keyof OfferDraft, label: string, props: { inputMode?: 'decimal' | 'numeric'; className?: string } = {}) => (
    <Field label={label} error={errors[key]}>
      <input value={d[key] as string} onChange={(e) => onChange({ [key]: e.target.value })} {...props} data-testid={`offer-${key}`} />
    </Field>
  );
  return (
    <article className={`neg-offer ${chosen ? 'is-chosen' : ''}`} aria-label={t('negotiation.offer.name', { n: index + 1 })} data-testid="offer">
      <header className="neg-offer__header">
        <label className="neg-offer__choose">
          <input type="radio" name="chosen-offer" checked={chosen} onChange={onChoose} data-testid="offer-choose" />
          <strong>{t('negotiation.offer.name', { n: index + 1 })}</strong>
        </label>
        <div className="segmented" role="group" aria-label={o('kind')}>
          {(['cash', 'installments'] as const).map((k) => (
            <button key={k} type="button" className={d.kind === k ? 'is-active' : ''} aria-pressed={d.kind === k} onClick={() => onChange({ kind: k })} data-testid={`offer-kind-${k}`}>
              {o(k)}
            </button>
          ))}
        </div>
        {onRemove && (
          <button type="button" className="icon-button" aria-label={t('negotiation.page.removeOffer')} onClick={onRemove}>
            ×
          </button>
        )}
      </header>
      <div className="neg-offer__inputs">
        <div className="neg-checks">
          <label className="neg-check">
            <input type="checkbox" checked={d.waiveFine} onChange={(e) => onChange({ waiveFine: e.target.checked })} data-testid="offer-waiveFine" /> {o('waiveFine')}
          </label>
          <label className="neg-check">
            <input type="checkbox" checked={d.waiveInterest} onChange={(e) => onChange({ waiveInterest: e.target.checked })} data-testid="offer-waiveInterest" /> {o('waiveInterest')}
          </label>
        </div>
        <div className="form-grid form-grid--2">
          {text('discount', o('discount'), { inputMode: 'decimal', className: 'num' })}
          {d.kind === 'cash' ? (
            text('payDate', o('payDate'))
          ) : (
            <>
              {text('down', o('down'), { inputMode: 'decimal', className: 'num' })}
              {text('downDate', o('downDate'))}
              {text('count', o('count'), { inputMode: 'numeric', className: 'num' })}
              {text('firstDue', o('firstDue'))}
              <Field label={o('interval')}>
                <select value={d.intervalUnit} onChange={(e) => onChange({ intervalUnit: e.target.value as 'months' | 'days' })} data-testid="offer-intervalUnit">
                  <option value="months">{o('monthly')}</option>
                  <option value="days">{o('everyDays')}</option>
                </select>
              </Field>
              {d.intervalUnit === 'days' ? text('intervalDays', o('days'), { inputMode: 'numeric', className: 'num' }) : <span />}
              <div className="span-2">{text('rate', o('rate'), { inputMode: 'decimal', className: 'num' })}</div>
            </>
          )}
        </div>
        {d.kind === 'installments' && <p className="field__hint">{o('rateHint')}</p>}
      </div>
      <OfferOutcome evaluation={ev} />
    </article>
  );
}

function OfferOutcome({ evaluation: ev }: { evaluation: OfferEvaluation | null }) {
  const { t } = useTranslation();
  if (!ev) return <div className="neg-offer__result neg-offer__result--empty">—</div>;
  if (!ev.ok) {
    return (
      <p className="alert alert--error neg-offer__result" data-testid="offer-invalid">
        {t('negotiation.offer.invalid', { message: ev.message })}
      </p>
    );
  }
  const r = ev.result;
  const policy = ev.beyondSupervisor.needsApproval ? 'beyond' : ev.policy.needsApproval ? 'approval' : 'ok';
  return (
    <div className="neg-offer__result">
      <dl className="neg-figures">
        <dt>{t('negotiation.offer.debtTotal')}</dt>
        <dd className="num">{money(r.debtTotalCents)}</dd>
        <dt>{t('negotiation.offer.discountTotal')}</dt>
        <dd className="num">{r.discountCents ? `− ${money(r.discountCents)}` : '—'}</dd>
        <dt>{t('negotiation.offer.negotiated')}</dt>
        <dd className="num">{money(r.negotiatedCents)}</dd>
        {r.financingInterestCents > 0 && (
          <>
            <dt>{t('negotiation.offer.financingInterest')}</dt>
            <dd className="num">+ {money(r.financingInterestCents)}</dd>
          </>
        )}
        <dt className="neg-figures__total">{t('negotiation.offer.totalToPay')}</dt>
        <dd className="num neg-figures__total" data-testid="offer-total">
          {money(r.totalToPayCents)}
        </dd>
      </dl>
      <ScheduleList schedule={r.schedule} />
      <div className={`neg-policy neg-policy--${policy}`} data-testid="offer-policy">
        <strong>{t(`negotiation.offer.${policy === 'beyond' ? 'beyondPolicy' : policy === 'approval' ? 'needsApproval' : 'withinPolicy'}`)}</strong>
        {policy !== 'ok' && (
          <ul>
            {(policy === 'beyond' ? ev.beyondSupervisor.reasons : ev.policy.reasons).map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** Compact schedule: every row when short, otherwise the first three, an ellipsis and the last. */
function ScheduleList({ schedule }: { schedule: ScheduleEntry[] }) {
  const { t } = useTranslation();
  const shown = schedule.length <= 6 ? schedule : [...schedule.slice(0, 3), null, schedule[schedule.length - 1]!];
  return (
    <table className="neg-schedule" aria-label={t('negotiation.offer.schedule')} data-testid="offer-schedule">
      <tbody>
        {shown.map((e, i) =>
          e === null ? (
            <tr key="gap">
              <td colSpan={3} className="text-muted">
                ⋯ {t('negotiation.offer.count')}: {integer(schedule.length)}
              </td>
            </tr>
          ) : (
            <tr key={i}>
              <td>{scheduleLabel(t, e)}</td>
              <td>{date(e.dueDate)}</td>
              <td className="num">{money(e.amountCents)}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
