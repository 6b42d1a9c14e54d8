// Which step works: the one effectiveness query (dunning.effectiveness), its table and its CSV, shared by
// the Régua page and the Painel so both always show the same figures.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EffectivenessResult, StepEffectiveness } from '../../../../shared/ipc/dunning.contract';
import { api } from '../../api/client';
import { toast } from '../../components/toast.store';
import { integer, money } from '../../i18n/format';
import { platform } from '../../platform/platform';
import { offsetLabel } from './offset-label';

/** The window: 90 days (the backend's default) ending at `asOf` (absent = today). */
export interface EffectivenessWindow {
  asOf?: string;
}

/** Loads the effectiveness and reloads it when messages, tasks or payments change. */
export function useEffectiveness({ asOf }: EffectivenessWindow): { data: EffectivenessResult | null; error: string | null } {
  const [state, setState] = useState<{ data: EffectivenessResult | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    let current = true;
    const load = () =>
      void api.invoke('dunning.effectiveness', asOf ? { asOf } : {}).then(
        (data) => current && setState({ data, error: null }),
        (e: unknown) => current && setState({ data: null, error: e instanceof Error ? e.message : String(e) }),
      );
    load();
    const off = api.on('data.changed', (p) => {
      if (p.tables.some((table) => table === 'outbox_messages' || table === 'dunning_tasks' || table === 'payments')) load();
    });
    return () => {
      current = false;
      off();
    };
  }, [asOf]);
  return state;
}

/** Saves the same window as a CSV (dunning.effectivenessCsv: `;`, decimal comma, formula-safe cells). */
export function useEffectivenessCsv({ asOf }: EffectivenessWindow): { exporting: boolean; exportCsv: () => Promise<void> } {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const exportCsv = useCallback(async () => {
    setExporting(true);
    try {
      const file = await api.invoke('dunning.effectivenessCsv', asOf ? { asOf } : {});
      const r = await platform.saveFile(file.fileName, file.content, 'text/csv;charset=utf-8');
      if (r.saved) toast.success(t('dunning.effect.exported', { file: r.fileName ?? file.fileName, count: file.rowCount }));
    } catch (e) {
      toast.error(t('errors.generic', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setExporting(false);
    }
  }, [asOf, t]);
  return { exporting, exportCsv };
}

/** "42%" of the step's títulos; "—" when it covered none. */
function share(n: number, of: number): string {
  return of === 0 ? '—' : `${Math.round((100 * n) / of)}%`;
}

/** One line per step and channel: contacts, títulos, the share paid within 3/7/15 days and R$ recovered. */
export function EffectivenessTable({ rows, testId }: { rows: readonly StepEffectiveness[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="table table--compact" data-testid={testId}>
        <thead>
          <tr>
            <th className="num">{t('dunning.ladder.col.when')}</th>
            <th>{t('dunning.ladder.col.name')}</th>
            <th>{t('dunning.ladder.col.channel')}</th>
            <th className="num">{t('dunning.effect.contacts')}</th>
            <th className="num">{t('dunning.effect.titulos')}</th>
            <th className="num">{t('dunning.effect.paid3')}</th>
            <th className="num">{t('dunning.effect.paid7')}</th>
            <th className="num">{t('dunning.effect.paid15')}</th>
            <th className="num">{t('dunning.effect.recovered')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.stepId}-${r.channel}`} data-testid="effectiveness-row">
              <td className="num">{offsetLabel(r.offsetDays)}</td>
              <td>{r.stepName}</td>
              <td>{t(`dunning.channel.${r.channel}`)}</td>
              <td className="num">{integer(r.contacts)}</td>
              <td className="num">{integer(r.titulos)}</td>
              {[r.paidWithin3, r.paidWithin7, r.paidWithin15].map((paid, k) => (
                <td key={k} className="num" title={t('dunning.effect.paidOf', { paid: integer(paid), of: integer(r.titulos) })}>
                  {share(paid, r.titulos)}
                </td>
              ))}
              <td className="num">{money(r.recoveredCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
