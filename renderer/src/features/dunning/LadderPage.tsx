import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepView, TemplateView } from '../../../../shared/ipc/dunning.contract';
import { api } from '../../api/client';
import { money } from '../../i18n/format';
import { useLadders } from './dunning.store';
import { EffectivenessPanel } from './EffectivenessPanel';
import { PausesPanel } from './PausesPanel';
import { offsetLabel } from './offset-label';
import { RunNowButton } from './RunNowButton';
import { SendingSettings } from './SendingSettings';
import { StepDialog } from './StepDialog';
import { TemplateDialog } from './TemplateDialog';

type Editing = { kind: 'step'; step: StepView | null } | { kind: 'template'; template: TemplateView } | null;

/** The ladder editor: steps by day and channel, their templates with a live preview, and the sending settings. */
export function LadderPage() {
  const { t } = useTranslation();
  const { data, ladderId, error, load, chooseLadder } = useLadders();
  const [editing, setEditing] = useState<Editing>(null);

  useEffect(() => {
    void load();
    return api.on('data.changed', (p) => {
      if (p.tables.includes('dunning_steps') || p.tables.includes('dunning_templates')) void load();
    });
  }, [load]);

  const ladder = data?.ladders.find((l) => l.id === ladderId) ?? null;
  const templateOf = (id: number | null) => data?.templates.find((tp) => tp.id === id) ?? null;

  return (
    <section className="page" aria-labelledby="ladder-title" data-testid="ladder-page">
      <header className="page__header">
        <div>
          <h1 id="ladder-title">{t('dunning.ladder.title')}</h1>
          <p className="page__subtitle">{t('dunning.ladder.subtitle')}</p>
        </div>
        <div className="page__actions">
          <RunNowButton />
          {ladder && (
            <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'step', step: null })} data-testid="add-step">
              {t('dunning.ladder.addStep')}
            </button>
          )}
        </div>
      </header>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      {data && (
        <div className="panel">
          <div className="panel__header">
            <div className="segmented" role="tablist" aria-label={t('dunning.ladder.title')}>
              {data.ladders.map((l) => (
                <button
                  key={l.id}
                  type="button"
                  role="tab"
                  aria-selected={l.id === ladderId}
                  className={l.id === ladderId ? 'chip is-active' : 'chip'}
                  onClick={() => chooseLadder(l.id)}
                  data-testid="ladder-tab"
                >
                  {l.name}
                  {l.isDefault ? ` (${t('dunning.ladder.default')})` : ''}
                </button>
              ))}
            </div>
            {ladder && ladder.segments.length > 0 && <span className="text-muted">{t('dunning.ladder.segments', { list: ladder.segments.join(', ') })}</span>}
          </div>
          {ladder && (
            <div className="table-scroll">
              <table className="table table--compact" data-testid="ladder-steps">
                <thead>
                  <tr>
                    <th className="num">{t('dunning.ladder.col.when')}</th>
                    <th>{t('dunning.ladder.col.name')}</th>
                    <th>{t('dunning.ladder.col.channel')}</th>
                    <th>{t('dunning.ladder.col.mode')}</th>
                    <th>{t('dunning.ladder.col.template')}</th>
                    <th>{t('dunning.ladder.col.conditions')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {ladder.steps.map((s) => {
                    const template = templateOf(s.templateId);
                    const conditions = [
                      s.minAmountCents > 0 ? t('dunning.ladder.minAmount', { amount: money(s.minAmountCents) }) : null,
                      s.segment ? t('dunning.ladder.onlySegment', { segment: s.segment }) : null,
                      s.payerCondition ? t(`dunning.ladder.payer.${s.payerCondition}`) : null,
                      s.riskClassFrom ? t('dunning.ladder.riskFrom', { risk: s.riskClassFrom }) : null,
                    ].filter(Boolean);
                    return (
                      <tr key={s.id} className={s.active ? undefined : 'ladder__step--inactive'} data-testid="ladder-step" data-offset={s.offsetDays}>
                        <td className="num">
                          <strong className="ladder__offset">{offsetLabel(s.offsetDays)}</strong>
                          <small className="text-muted"> {s.dayKind === 'business' ? t('dunning.ladder.businessDays') : ''}</small>
                        </td>
                        <td>
                          {s.name}
                          {!s.active && <span className="text-muted"> · {t('dunning.ladder.inactive')}</span>}
                        </td>
                        <td>
                          <span className={`badge ladder-channel ladder-channel--${s.channel}`}>{t(`dunning.channel.${s.channel}`)}</span>
                        </td>
                        <td>{s.automatic ? t('dunning.ladder.automatic') : t('dunning.ladder.manual')}</td>
                        <td>
                          {template ? (
                            <button type="button" className="link-button" onClick={() => setEditing({ kind: 'template', template })} data-testid="edit-template">
                              {template.name}
                            </button>
                          ) : (
                            <span className="text-muted">{t('dunning.ladder.noTemplate')}</span>
                          )}
                        </td>
                        <td>{conditions.length > 0 ? conditions.join(' · ') : <span className="text-muted">{t('dunning.ladder.anyone')}</span>}</td>
                        <td>
                          <button type="button" className="button button--small" onClick={() => setEditing({ kind: 'step', step: s })} data-testid="edit-step">
                            {t('dunning.ladder.edit')}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
      <EffectivenessPanel />
      <PausesPanel />
      <SendingSettings />
      {editing?.kind === 'step' && ladder && data && (
        <StepDialog ladderId={ladder.id} step={editing.step} templates={data.templates} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'template' && data && <TemplateDialog template={editing.template} placeholders={data.placeholders} onClose={() => setEditing(null)} />}
    </section>
  );
}
