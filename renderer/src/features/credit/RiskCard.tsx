import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseBrDate } from '../../../../shared/domain/dates';
import type { CreditAnalysis, CustomerRisk } from '../../../../shared/ipc/credit.contract';
import type { SessionUser } from '../../../../shared/ipc/users.contract';
import { api, ApiCallError } from '../../api/client';
import { toast } from '../../components/toast.store';
import { date, dateTime, money } from '../../i18n/format';
import { ApprovalDialog, type ApprovalCredentials } from '../users/ApprovalDialog';
import { useSession } from '../users/session.store';
import { CreditAnalysisDialog } from './CreditAnalysisDialog';
import { reasonText } from './reason-text';

const SHOWN_REASONS = 6;

/** The customer's risk score with the reasons that moved it most, its class policy and a bureau score entry. */
export function RiskCard({ customerId, asOf }: { customerId: number; asOf: string }) {
  const { t, i18n } = useTranslation();
  const [risk, setRisk] = useState<CustomerRisk | null>(null);
  const [analyses, setAnalyses] = useState<CreditAnalysis[]>([]);
  const [analysing, setAnalysing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      Promise.all([api.invoke('credit.customer', { customerId }), api.invoke('creditAnalysis.list', { customerId, limit: 5 })]).then(
        ([r, a]) => live && (setRisk(r), setAnalyses(a), setError(null)),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    void load();
    const off = api.on('data.changed', () => void load());
    return () => {
      live = false;
      off();
    };
  }, [customerId]);

  async function rescore() {
    try {
      setRisk(await api.invoke('credit.scoreCustomer', { customerId }));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  }

  if (error) return <div className="panel"><p className="panel__empty">{error}</p></div>;
  if (!risk) return null;
  const lang = i18n.language;
  return (
    <div className="panel risk-card" data-testid="risk-card">
      <div className="panel__header">
        <h2>{t('credit.card.title')}</h2>
        <button type="button" className="button button--small" onClick={() => void rescore()} data-testid="risk-rescore">
          {t('credit.card.rescore')}
        </button>
      </div>
      <div className="risk-card__head">
        <strong className="risk-card__score num" data-testid="risk-score">{risk.score}</strong>
        <span className={`risk-class risk-class--${risk.riskClass} risk-class--large`} data-testid="risk-class">{risk.riskClass}</span>
        <span className="risk-card__behaviour">{t(`credit.card.behaviour.${risk.behaviour}`)}</span>
      </div>
      <p className={risk.verdict.blocked ? 'risk-card__verdict text-danger' : 'risk-card__verdict'} data-testid="risk-verdict">
        {risk.verdict.blocked ? t('credit.blockedState') : risk.verdict.cashOnly ? t('credit.cashOnlyState') : t('credit.card.canSell')}
        {risk.verdict.reasons.length > 0 && <> · {risk.verdict.reasons.map((r) => reasonText(r, lang)).join('; ')}</>}
      </p>
      <ol className="risk-reasons" data-testid="risk-reasons">
        {risk.reasons.slice(0, SHOWN_REASONS).map((r) => (
          <li key={r.factor} className="risk-reasons__item">
            <span>{reasonText(r, lang)}</span>
            <span className={`num ${r.points < 0 ? 'text-danger' : 'text-ok'}`}>{t('credit.card.points', { points: r.points > 0 ? `+${r.points}` : String(r.points) })}</span>
          </li>
        ))}
      </ol>
      <p className="panel__note">
        {t('credit.card.policy', { limit: money(risk.policy.maxLimitCents), term: risk.policy.maxTermDays })}
        {risk.policy.guarantees && <> · {t('credit.card.guarantees', { text: risk.policy.guarantees })}</>}
      </p>
      <p className="panel__note">{risk.computedAt ? t('credit.card.computedAt', { at: dateTime(risk.computedAt) }) : t('credit.card.notStored')}</p>
      <BureauForm customerId={customerId} asOf={asOf} risk={risk} onSaved={setRisk} />
      <div className="credit-analyses">
        <div className="credit-analyses__head">
          <span className="bureau-form__title">{t('credit.analysis.title')}</span>
          <button type="button" className="button button--small" onClick={() => setAnalysing(true)} data-testid="analysis-new">
            {t('credit.analysis.new')}
          </button>
        </div>
        {analyses.map((a) => (
          <AnalysisLine key={a.id} analysis={a} />
        ))}
      </div>
      {analysing && <CreditAnalysisDialog customerId={customerId} onClose={() => setAnalysing(false)} />}
    </div>
  );
}

function BureauForm({ customerId, asOf, risk, onSaved }: { customerId: number; asOf: string; risk: CustomerRisk; onSaved: (r: CustomerRisk) => void }) {
  const { t } = useTranslation();
  const [score, setScore] = useState('');
  const [bureau, setBureau] = useState(risk.bureau?.bureau ?? 'Serasa');
  const [consultedOn, setConsultedOn] = useState(date(asOf));
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const iso = parseBrDate(consultedOn);
    if (!iso) {
      setError(t('form.invalidDate'));
      return;
    }
    try {
      onSaved(await api.invoke('credit.setBureauScore', { customerId, score: Number(score), bureau, consultedOn: iso }));
      setScore('');
      setError(null);
      toast.success(t('credit.card.bureauSaved'));
    } catch (err) {
      setError(err instanceof ApiCallError ? err.message : String(err));
    }
  }

  return (
    <form className="bureau-form" onSubmit={(e) => void submit(e)} data-testid="bureau-form">
      <span className="bureau-form__title">
        {t('credit.card.bureau')}
        {risk.bureau && <> · {t('credit.card.bureauCurrent', { bureau: risk.bureau.bureau, score: risk.bureau.score, date: date(risk.bureau.consultedOn) })}</>}
      </span>
      <div className="bureau-form__fields">
        <input aria-label={t('credit.card.bureau')} className="num" type="number" min={0} max={1000} required value={score} onChange={(e) => setScore(e.target.value)} placeholder="0–1000" data-testid="bureau-score" />
        <input aria-label={t('credit.card.bureauName')} value={bureau} required maxLength={60} onChange={(e) => setBureau(e.target.value)} />
        <input aria-label={t('credit.card.bureauDate')} value={consultedOn} placeholder="dd/mm/aaaa" required onChange={(e) => setConsultedOn(e.target.value)} />
        <button type="submit" className="button button--small">
          {t('credit.card.bureauSave')}
        </button>
      </div>
      {error && (
        <small className="field__error" role="alert">
          {error}
        </small>
      )}
    </form>
  );
}

/** A supervisor or admin other than the decider approves as themself; anyone else asks one to type login and password. */
function approvesAsThemself(user: SessionUser | null | undefined, a: CreditAnalysis): boolean {
  if (!user || user.role === 'clerk') return false;
  return a.decidedByUserId !== null ? user.id !== a.decidedByUserId : user.name !== a.decidedBy;
}

function AnalysisLine({ analysis: a }: { analysis: CreditAnalysis }) {
  const { t } = useTranslation();
  const session = useSession();
  /** The committee's pending decision while the approver types their credentials. */
  const [asking, setAsking] = useState<boolean | null>(null);
  const send = (approve: boolean, approval: ApprovalCredentials | null) => api.invoke('creditAnalysis.secondApproval', { id: a.id, approve, expectedUpdatedAt: a.updatedAt, approval });
  async function secondApproval(approve: boolean) {
    if (!approvesAsThemself(session?.user, a)) return setAsking(approve);
    try {
      await send(approve, null);
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  }
  return (
    <div className="credit-analyses__line" data-testid="analysis-line">
      <span>
        {t(`credit.analysis.status.${a.status}`)} · {money(a.decidedLimitCents ?? a.suggestedLimitCents)}
        {a.decidedBy && <> · {a.decidedBy}{a.decidedAt && `, ${dateTime(a.decidedAt)}`}</>}
        {a.secondApprover && <> · {t('credit.analysis.committee')}: {a.secondApprover}</>}
      </span>
      {a.status === 'awaiting_second_approval' && (
        <span className="page__actions">
          <button type="button" className="button button--small" onClick={() => void secondApproval(false)} data-testid="analysis-second-reject">
            {t('credit.analysis.reject')}
          </button>
          <button type="button" className="button button--small button--primary" onClick={() => void secondApproval(true)} data-testid="analysis-second-approve">
            {t('credit.analysis.secondApprove')}
          </button>
        </span>
      )}
      {asking !== null && (
        <ApprovalDialog
          title={t('credit.analysis.secondTitle')}
          confirmLabel={t(asking ? 'credit.analysis.secondApprove' : 'credit.analysis.secondReject')}
          onClose={() => setAsking(null)}
          onApprove={async (approval) => {
            await send(asking, approval);
            setAsking(null);
          }}
        >
          <p className="dialog__lead">{t('credit.analysis.secondLead', { limit: money(a.decidedLimitCents ?? 0), by: a.decidedBy ?? '', threshold: money(a.secondApprovalAboveCents) })}</p>
        </ApprovalDialog>
      )}
    </div>
  );
}
