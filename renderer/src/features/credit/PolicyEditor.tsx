import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassPolicy, CreditPolicy } from '../../../../shared/domain/credit';
import { parseBrlToCents } from '../../../../shared/domain/money';
import { RISK_CLASSES, type RiskClass } from '../../../../shared/domain/risk';
import { api } from '../../api/client';
import { toast } from '../../components/toast.store';
import { centsToBrlInput } from './brl-input';
import { useCredit } from './credit.store';
import { AdminOnlyNote } from '../users/AdminOnlyNote';
import { useCanAdminister } from '../users/session.store';

/** The limit is typed as the clerk writes money ("20.000,00"); the rest are plain numbers and text. */
type Row = Omit<ClassPolicy, 'maxLimitCents'> & { maxLimit: string };

function toRows(p: CreditPolicy): Record<RiskClass, Row> {
  const row = ({ maxLimitCents, ...rest }: ClassPolicy): Row => ({ ...rest, maxLimit: centsToBrlInput(maxLimitCents) });
  return { A: row(p.A), B: row(p.B), C: row(p.C), D: row(p.D), E: row(p.E) };
}

/** Credit policy per risk class: maximum limit and term, guarantees, when to block, cash only. */
export function PolicyEditor() {
  const { t } = useTranslation();
  const canEdit = useCanAdminister();
  const [rows, setRows] = useState<Record<RiskClass, Row> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.invoke('credit.policy', {}).then(
      (p) => setRows(toRows(p)),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);

  if (!rows) return error ? <p className="panel__empty">{error}</p> : null;
  const set = (c: RiskClass, patch: Partial<Row>) => setRows({ ...rows, [c]: { ...rows[c], ...patch } });

  async function save() {
    if (!rows) return;
    const policy = {} as CreditPolicy;
    for (const c of RISK_CLASSES) {
      const { maxLimit, ...rest } = rows[c];
      const cents = parseBrlToCents(maxLimit);
      if (cents === null) {
        setError(t('credit.policy.badLimit', { cls: c }));
        return;
      }
      policy[c] = { ...rest, maxLimitCents: cents };
    }
    try {
      setRows(toRows(await api.invoke('credit.savePolicy', { policy })));
      setError(null);
      toast.success(t('credit.policy.saved'));
      // The blocked and review lists depend on the policy.
      await useCredit.getState().load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="panel" data-testid="policy">
      <div className="panel__header">
        <h2>{t('credit.policy.title')}</h2>
        {canEdit && (
          <button type="button" className="button button--small button--primary" onClick={() => void save()} data-testid="policy-save">
            {t('common.save')}
          </button>
        )}
      </div>
      {!canEdit && <AdminOnlyNote className="panel__alert" />}
      <fieldset disabled={!canEdit} className="fieldset--contents">
        <div className="table-scroll">
          <table className="table credit-policy">
            <thead>
              <tr>
                <th>{t('credit.class')}</th>
                <th className="num">{t('credit.policy.maxLimit')}</th>
                <th className="num">{t('credit.policy.maxTerm')}</th>
                <th>{t('credit.policy.guarantees')}</th>
                <th className="num">{t('credit.policy.blockAfter')}</th>
                <th>{t('credit.policy.cashOnly')}</th>
              </tr>
            </thead>
            <tbody>
              {RISK_CLASSES.map((c) => (
                <tr key={c}>
                  <td>
                    <span className={`risk-class risk-class--${c}`}>{c}</span>
                  </td>
                  <td className="num">
                    <input className="num" aria-label={`${t('credit.policy.maxLimit')} ${c}`} value={rows[c].maxLimit} onChange={(e) => set(c, { maxLimit: e.target.value })} data-testid={`policy-limit-${c}`} />
                  </td>
                  <td className="num">
                    <input className="num" type="number" min={0} max={365} aria-label={`${t('credit.policy.maxTerm')} ${c}`} value={rows[c].maxTermDays} onChange={(e) => set(c, { maxTermDays: Number(e.target.value) })} />
                  </td>
                  <td>
                    <input aria-label={`${t('credit.policy.guarantees')} ${c}`} value={rows[c].guarantees} maxLength={200} onChange={(e) => set(c, { guarantees: e.target.value })} />
                  </td>
                  <td className="num">
                    <input className="num" type="number" min={0} aria-label={`${t('credit.policy.blockAfter')} ${c}`} value={rows[c].blockAfterDaysOverdue} onChange={(e) => set(c, { blockAfterDaysOverdue: Number(e.target.value) })} data-testid={`policy-block-${c}`} />
                  </td>
                  <td>
                    <input type="checkbox" aria-label={`${t('credit.policy.cashOnly')} ${c}`} checked={rows[c].cashOnly} onChange={(e) => set(c, { cashOnly: e.target.checked })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
      {error && (
        <p className="panel__note text-danger" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
