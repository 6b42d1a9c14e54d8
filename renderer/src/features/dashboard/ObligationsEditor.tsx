import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBrDate, parseBrDate } from '../../../../shared/domain/dates';
import { centsToDecimalString, parseBrlToCents } from '../../../../shared/domain/money';
import type { CashObligation, ObligationCategory } from '../../../../shared/ipc/dashboard.contract';
import { api, ApiCallError } from '../../api/client';
import { Field } from '../../components/Field';
import { toast } from '../../components/toast.store';
import { date, money } from '../../i18n/format';
import { useDashboard } from './dashboard.store';

const CATEGORIES: readonly ObligationCategory[] = ['supplier', 'payroll', 'tax', 'other'];

interface Draft {
  id: number | null;
  expectedUpdatedAt: string;
  description: string;
  category: ObligationCategory;
  dueDate: string;
  amount: string;
}

const EMPTY: Draft = { id: null, expectedUpdatedAt: '', description: '', category: 'supplier', dueDate: '', amount: '' };

function draftOf(o: CashObligation): Draft {
  return {
    id: o.id,
    expectedUpdatedAt: o.updatedAt,
    description: o.description,
    category: o.category,
    dueDate: formatBrDate(o.dueDate),
    amount: centsToDecimalString(o.amountCents).replace('.', ','),
  };
}

/** The finance team's list of what the company must pay: suppliers, payroll, taxes. */
export function ObligationsEditor() {
  const { t } = useTranslation();
  const obligations = useDashboard((s) => s.obligations);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const amountCents = parseBrlToCents(draft.amount);
    const dueDate = parseBrDate(draft.dueDate);
    const local: Record<string, string> = {};
    if (amountCents === null) local.amountCents = t('dashboard.obligations.invalidAmount');
    if (dueDate === null) local.dueDate = t('dashboard.obligations.invalidDate');
    setErrors(local);
    if (amountCents === null || dueDate === null) return;
    const fields = { description: draft.description, category: draft.category, dueDate, amountCents };
    setSaving(true);
    try {
      if (draft.id === null) await api.invoke('obligations.create', fields);
      else await api.invoke('obligations.update', { ...fields, id: draft.id, expectedUpdatedAt: draft.expectedUpdatedAt });
      toast.success(t('dashboard.obligations.saved'));
      setDraft(EMPTY);
      setErrors({});
    } catch (err) {
      if (err instanceof ApiCallError) setErrors(err.fieldErrors());
      toast.error(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  async function remove(o: CashObligation) {
    try {
      await api.invoke('obligations.delete', { id: o.id });
      toast.success(t('dashboard.obligations.removed'));
      if (draft.id === o.id) setDraft(EMPTY);
    } catch (err) {
      toast.error(err instanceof Error ? err.message : String(err));
    } finally {
      setConfirming(null);
    }
  }

  return (
    <div className="dash-obligations" data-testid="obligations">
      <h3>{t('dashboard.obligations.title')}</h3>
      <form className="dash-obligation-form" onSubmit={(e) => void submit(e)} noValidate data-testid="obligation-form">
        <Field label={t('dashboard.obligations.description')} error={errors.description} required className="dash-field--wide">
          <input value={draft.description} maxLength={200} onChange={(e) => setDraft({ ...draft, description: e.target.value })} data-testid="obligation-description" />
        </Field>
        <Field label={t('dashboard.obligations.category')} error={errors.category}>
          <select value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value as ObligationCategory })} data-testid="obligation-category">
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`dashboard.obligations.categories.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('dashboard.obligations.dueDate')} error={errors.dueDate} required>
          <input value={draft.dueDate} placeholder="dd/mm/aaaa" inputMode="numeric" onChange={(e) => setDraft({ ...draft, dueDate: e.target.value })} data-testid="obligation-due" />
        </Field>
        <Field label={t('dashboard.obligations.amount')} error={errors.amountCents} required>
          <input value={draft.amount} placeholder="0,00" inputMode="decimal" className="num" onChange={(e) => setDraft({ ...draft, amount: e.target.value })} data-testid="obligation-amount" />
        </Field>
        <div className="dash-obligation-actions">
          <button type="submit" className="button button--primary" disabled={saving} data-testid="obligation-save">
            {draft.id === null ? t('dashboard.obligations.add') : t('dashboard.obligations.save')}
          </button>
          {draft.id !== null && (
            <button type="button" className="button" onClick={() => (setDraft(EMPTY), setErrors({}))}>
              {t('dashboard.obligations.cancel')}
            </button>
          )}
        </div>
      </form>
      {obligations.length === 0 ? (
        <p className="panel__empty">{t('dashboard.obligations.empty')}</p>
      ) : (
        <table className="table table--compact" data-testid="obligations-table">
          <thead>
            <tr>
              <th>{t('dashboard.obligations.dueDate')}</th>
              <th>{t('dashboard.obligations.description')}</th>
              <th>{t('dashboard.obligations.category')}</th>
              <th className="num">{t('dashboard.obligations.amount')}</th>
              <th className="actions" aria-label={t('dashboard.obligations.edit')} />
            </tr>
          </thead>
          <tbody>
            {obligations.map((o) => (
              <tr key={o.id}>
                <td>{date(o.dueDate)}</td>
                <td>{o.description}</td>
                <td>{t(`dashboard.obligations.categories.${o.category}`)}</td>
                <td className="num">{money(o.amountCents)}</td>
                <td className="actions">
                  <button type="button" className="button button--small" onClick={() => setDraft(draftOf(o))}>
                    {t('dashboard.obligations.edit')}
                  </button>
                  {confirming === o.id ? (
                    <button type="button" className="button button--small button--danger" onClick={() => void remove(o)} autoFocus>
                      {t('dashboard.obligations.confirmRemove', { description: o.description })}
                    </button>
                  ) : (
                    <button type="button" className="button button--small button--ghost-danger" onClick={() => setConfirming(o.id)}>
                      {t('dashboard.obligations.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
