import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_ITEMS, type ChecklistItem } from '../../../../shared/domain/credit';
import { parseBrlToCents } from '../../../../shared/domain/money';
import type { CreditAnalysis } from '../../../../shared/ipc/credit.contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { toast } from '../../components/toast.store';
import { money } from '../../i18n/format';
import { centsToBrlInput } from './brl-input';
import { reasonText } from './reason-text';

interface ReferenceDraft {
  company: string;
  paysOnTime: boolean;
  highestCredit: string;
}

const REFERENCE_SLOTS = 3;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * New-customer credit analysis: documents, commercial references, bureau score and the requested limit give
 * a suggested limit with its reasons; the clerk then approves (any limit) or rejects, and above the
 * threshold the analysis waits for the credit committee.
 */
export function CreditAnalysisDialog({ customerId, onClose }: { customerId: number; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [requested, setRequested] = useState('');
  const [bureau, setBureau] = useState('');
  const [checklist, setChecklist] = useState<Record<ChecklistItem, boolean>>(
    Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, false])) as Record<ChecklistItem, boolean>,
  );
  const [references, setReferences] = useState<ReferenceDraft[]>(Array.from({ length: REFERENCE_SLOTS }, () => ({ company: '', paysOnTime: true, highestCredit: '' })));
  const [analysis, setAnalysis] = useState<CreditAnalysis | null>(null);
  const [limit, setLimit] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function suggest(e: FormEvent) {
    e.preventDefault();
    const requestedLimitCents = parseBrlToCents(requested);
    if (requestedLimitCents === null) return setError(t('credit.analysis.badAmount'));
    const refs = [];
    for (const r of references.filter((x) => x.company.trim() !== '')) {
      const highestCreditCents = parseBrlToCents(r.highestCredit || '0');
      if (highestCreditCents === null) return setError(t('credit.analysis.badAmount'));
      refs.push({ company: r.company, paysOnTime: r.paysOnTime, highestCreditCents });
    }
    try {
      const a = await api.invoke('creditAnalysis.create', { customerId, requestedLimitCents, bureauScore: bureau === '' ? null : Number(bureau), checklist, references: refs });
      setAnalysis(a);
      setLimit(centsToBrlInput(a.suggestedLimitCents));
      setError(null);
    } catch (err) {
      setError(message(err));
    }
  }

  async function decide(approve: boolean) {
    if (!analysis) return;
    const limitCents = approve ? parseBrlToCents(limit) : 0;
    if (limitCents === null) return setError(t('credit.analysis.badAmount'));
    try {
      const a = await api.invoke('creditAnalysis.decide', { id: analysis.id, approve, limitCents, note: note || null, expectedUpdatedAt: analysis.updatedAt });
      toast.success(t(`credit.analysis.status.${a.status}`));
      onClose();
    } catch (err) {
      setError(message(err));
    }
  }

  const setRef = (i: number, patch: Partial<ReferenceDraft>) => setReferences(references.map((r, k) => (k === i ? { ...r, ...patch } : r)));

  return (
    <Dialog title={t('credit.analysis.title')} onClose={onClose} wide testId="credit-analysis">
      {!analysis ? (
        <form onSubmit={(e) => void suggest(e)} className="credit-analysis">
          <div className="form-grid">
            <Field label={t('credit.analysis.requested')} required>
              <input className="num" value={requested} onChange={(e) => setRequested(e.target.value)} placeholder="50.000,00" data-testid="analysis-requested" />
            </Field>
            <Field label={t('credit.card.bureau')}>
              <input className="num" type="number" min={0} max={1000} value={bureau} onChange={(e) => setBureau(e.target.value)} placeholder="0–1000" data-testid="analysis-bureau" />
            </Field>
          </div>
          <fieldset className="credit-analysis__checklist">
            <legend>{t('credit.analysis.checklist')}</legend>
            {CHECKLIST_ITEMS.map((k) => (
              <label key={k}>
                <input type="checkbox" checked={checklist[k]} onChange={(e) => setChecklist({ ...checklist, [k]: e.target.checked })} data-testid={`analysis-doc-${k}`} /> {t(`credit.analysis.doc.${k}`)}
              </label>
            ))}
          </fieldset>
          <fieldset className="credit-analysis__refs">
            <legend>{t('credit.analysis.references')}</legend>
            {references.map((r, i) => (
              <div key={i} className="credit-analysis__ref">
                <input aria-label={`${t('credit.analysis.refCompany')} ${i + 1}`} placeholder={t('credit.analysis.refCompany')} value={r.company} onChange={(e) => setRef(i, { company: e.target.value })} data-testid={`analysis-ref-${i}`} />
                <input aria-label={`${t('credit.analysis.refHighest')} ${i + 1}`} className="num" placeholder={t('credit.analysis.refHighest')} value={r.highestCredit} onChange={(e) => setRef(i, { highestCredit: e.target.value })} data-testid={`analysis-ref-credit-${i}`} />
                <label>
                  <input type="checkbox" checked={r.paysOnTime} onChange={(e) => setRef(i, { paysOnTime: e.target.checked })} /> {t('credit.analysis.refPaysOnTime')}
                </label>
              </div>
            ))}
          </fieldset>
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__footer">
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" data-testid="analysis-suggest">
              {t('credit.analysis.suggest')}
            </button>
          </div>
        </form>
      ) : (
        <div className="credit-analysis">
          <p className="credit-analysis__suggestion" data-testid="analysis-suggestion">
            {t('credit.analysis.suggested', { limit: money(analysis.suggestedLimitCents), cls: analysis.provisionalClass })}
          </p>
          <ul className="credit-analysis__reasons">
            {analysis.suggestionReasons.map((r, i) => (
              <li key={i}>{reasonText(r, i18n.language)}</li>
            ))}
          </ul>
          <div className="form-grid">
            <Field label={t('credit.analysis.decidedLimit')} hint={t('credit.analysis.secondHint', { limit: money(analysis.secondApprovalAboveCents) })}>
              <input className="num" value={limit} onChange={(e) => setLimit(e.target.value)} data-testid="analysis-limit" />
            </Field>
            <Field label={t('credit.analysis.note')}>
              <input value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
            </Field>
          </div>
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__footer">
            <button type="button" className="button button--ghost-danger" onClick={() => void decide(false)} data-testid="analysis-reject">
              {t('credit.analysis.reject')}
            </button>
            <button type="button" className="button button--primary" onClick={() => void decide(true)} data-testid="analysis-approve">
              {t('credit.analysis.approve')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
