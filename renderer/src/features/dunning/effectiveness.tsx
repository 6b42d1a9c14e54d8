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

/** "42%" of the títulos whose window has passed; "—" while none has (the window is still open for all). */
function share(n: number, of: number): string {
  return of === 0 ? '—' : `${Math.round((100 * n) / of)}%`;
}

const WINDOWS = [3, 7, 15] as const;

/** A column's cohort: the títulos whose `days` after the contact have passed, and how many of them were paid in time. */
function cohort(r: StepEffectiveness, days: (typeof WINDOWS)[number]): { paid: number; eligible: number } {
  if (days === 3) return { paid: r.paidWithin3, eligible: r.eligible3 };
  if (days === 7) return { paid: r.paidWithin7, eligible: r.eligible7 };
  return { paid: r.paidWithin15, eligible: r.eligible15 };
}

/**
 * One line per step and channel: contacts, títulos, the share paid within 3/7/15 days of the títulos whose
 * window has passed (a cohort: a contact made today is not yet "unpaid in 3 days") and R$ recovered so far.
 */
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
            {WINDOWS.map((days) => (
              <th key={days} className="num" title={t('dunning.effect.paidHint', { days })}>
                {t(`dunning.effect.paid${days}`)}
              </th>
            ))}
            <th className="num" title={t('dunning.effect.recoveredHint')}>
              {t('dunning.effect.recovered')}
            </th>
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
              {WINDOWS.map((days) => {
                const { paid, eligible } = cohort(r, days);
                return (
                  <td
                    key={days}
                    className="num"
                    data-eligible={eligible}
                    title={eligible === 0 ? t('dunning.effect.windowOpen', { days }) : t('dunning.effect.paidOf', { paid: integer(paid), of: integer(eligible), days })}
                  >
                    {share(paid, eligible)}
                  </td>
                );
              })}
              <td className="num">{money(r.recoveredCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
