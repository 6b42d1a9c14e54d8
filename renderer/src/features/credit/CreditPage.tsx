import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_CLASSES, RISK_FACTOR_KEYS, type RiskClass, type RiskWeights } from '../../../../shared/domain/risk';
import type { ClassCounts } from '../../../../shared/ipc/credit.contract';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { hrefFor } from '../../components/route';
import { toast } from '../../components/toast.store';
import { date, dateTime, doc, integer, money } from '../../i18n/format';
import { platform } from '../../platform/platform';
import { useCredit } from './credit.store';
import { NegativacaoPanel } from './NegativacaoPanel';
import { PolicyEditor } from './PolicyEditor';
import { reasonText } from './reason-text';
import { AdminOnlyNote } from '../users/AdminOnlyNote';
import { useCanAdminister } from '../users/session.store';

export function CreditPage() {
  const { t } = useTranslation();
  const { overview, busy, error, load, recompute } = useCredit();

  useEffect(() => {
    void load();
    return api.on('data.changed', () => void useCredit.getState().load());
  }, [load]);

  async function onRecompute() {
    try {
      const count = await recompute();
      toast.success(t('credit.recomputed', { count }));
    } catch (e) {
      toast.error(t('errors.generic', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  if (error && !overview) return <section className="page"><EmptyState title={t('credit.title')} text={error} /></section>;
  if (!overview) return <section className="page page--loading">{t('common.loading')}</section>;

  return (
    <section className="page page--credit" aria-labelledby="credit-title">
      <header className="page__header">
        <div>
          <h1 id="credit-title">{t('credit.title')}</h1>
          <p className="page__subtitle">
            {overview.lastComputed
              ? t('credit.lastComputed', { at: dateTime(overview.lastComputed.computedAt), date: date(overview.lastComputed.asOf) })
              : t('credit.subtitle')}
          </p>
        </div>
        <div className="page__actions">
          <button type="button" className="button button--primary" onClick={() => void onRecompute()} disabled={busy !== null} data-testid="credit-recompute">
            {busy === 'recompute' ? t('credit.recomputing') : t('credit.recompute')}
          </button>
        </div>
      </header>

      {overview.scored === 0 ? (
        <EmptyState title={t('credit.neverComputed')} text={t('credit.neverComputedHint')} />
      ) : (
        <>
          <div className="credit-grid">
            <Distribution />
            <WeightsEditor />
          </div>
          <Backtest />
          <PolicyEditor />
          <ReviewList />
          <BlockedList />
          <NegativacaoPanel asOf={overview.asOf} />
        </>
      )}
    </section>
  );
}

function Bars({ counts, total, testId }: { counts: ClassCounts; total: number; testId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="class-bars" data-testid={testId}>
      {RISK_CLASSES.map((c) => (
        <li key={c} className="class-bars__row" data-class={c}>
          <span className={`risk-class risk-class--${c}`} aria-label={t('credit.classLabel', { cls: c })}>{c}</span>
          <span className="class-bars__track" aria-hidden="true">
            <span className={`class-bars__fill risk-fill--${c}`} style={{ width: `${total > 0 ? (counts[c] * 100) / total : 0}%` }} />
          </span>
          <span className="num class-bars__count" data-testid={`${testId}-${c}`}>{integer(counts[c])}</span>
        </li>
      ))}
    </ul>
  );
}

function Distribution() {
  const { t } = useTranslation();
  const { overview, preview, draft } = useCredit();
  if (!overview) return null;
  return (
    <div className="panel">
      <div className="panel__header">
        <h2>{t('credit.distribution')}</h2>
        <span className="text-muted">{t('credit.customers', { count: overview.scored })}</span>
      </div>
      <div className={draft ? 'distribution distribution--compare' : 'distribution'}>
        <div>
          {draft && <h3 className="distribution__label">{t('credit.current')}</h3>}
          <Bars counts={overview.distribution} total={overview.scored} testId="dist-current" />
        </div>
        {draft && (
          <div>
            <h3 className="distribution__label">{t('credit.draft')}</h3>
            {preview ? <Bars counts={preview.draft} total={preview.scored} testId="dist-draft" /> : <p className="text-muted">{t('common.loading')}</p>}
          </div>
        )}
      </div>
    </div>
  );
}

function NumberInput({ label, value, onChange, step = 1, testId }: { label: string; value: number; onChange: (n: number) => void; step?: number; testId: string }) {
  return (
    <label className="weight-input">
      <span>{label}</span>
      <input
        type="number"
        className="num"
        value={Number.isFinite(value) ? value : ''}
        step={step}
        min={0}
        onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
        data-testid={testId}
      />
    </label>
  );
}

function WeightsEditor() {
  const { t } = useTranslation();
  const canSave = useCanAdminister();
  const { overview, draft, draftError, busy, setDraft, discardDraft, saveDraft } = useCredit();
  if (!overview) return null;
  const w: RiskWeights = draft ?? overview.weights;
  const edit = (next: RiskWeights) => setDraft(next);

  async function onSave() {
    try {
      await saveDraft();
      toast.success(t('credit.saved'));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="panel">
      <div className="panel__header">
        <h2>{t('credit.weights')}</h2>
        <div className="page__actions">
          <button type="button" className="button button--small" onClick={() => edit(overview.defaultWeights)} data-testid="weights-defaults">
            {t('credit.restoreDefaults')}
          </button>
          {draft && (
            <button type="button" className="button button--small" onClick={discardDraft}>
              {t('common.cancel')}
            </button>
          )}
          {canSave && (
            <button type="button" className="button button--small button--primary" onClick={() => void onSave()} disabled={!draft || draftError !== null || busy !== null} data-testid="weights-save">
              {t('credit.save')}
            </button>
          )}
        </div>
      </div>
      <p className="panel__note">{t('credit.weightsHint')}</p>
      {!canSave && <AdminOnlyNote className="panel__alert" />}
      <div className="weights-grid">
        {RISK_FACTOR_KEYS.map((k) => (
          <NumberInput key={k} label={t(`credit.factor.${k}`)} value={w.factors[k]} step={10} onChange={(n) => edit({ ...w, factors: { ...w.factors, [k]: n } })} testId={`weight-${k}`} />
        ))}
      </div>
      <p className="panel__note">{t('credit.classFloors')}</p>
      <div className="weights-grid weights-grid--floors">
        {(['A', 'B', 'C', 'D'] as const).map((c) => (
          <NumberInput key={c} label={t('credit.classLabel', { cls: c })} value={w.classFloors[c]} step={10} onChange={(n) => edit({ ...w, classFloors: { ...w.classFloors, [c]: n } })} testId={`floor-${c}`} />
        ))}
      </div>
      {draftError && (
        <p className="panel__note text-danger" role="alert">
          {draftError}
        </p>
      )}
    </div>
  );
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1).replace('.', ',')}%`);
const ratio = (x: number | null) => (x === null ? '—' : x.toFixed(3).replace('.', ','));

function Backtest() {
  const { t } = useTranslation();
  const { backtest: bt, busy, runBacktest } = useCredit();
  async function onRun() {
    try {
      await runBacktest();
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  }
  return (
    <div className="panel" data-testid="backtest">
      <div className="panel__header">
        <h2>{t('credit.backtest')}</h2>
        <button type="button" className="button button--small" onClick={() => void onRun()} disabled={busy !== null} data-testid="backtest-run">
          {busy === 'backtest' ? t('credit.running') : t('credit.runBacktest')}
        </button>
      </div>
      {!bt ? (
        <p className="panel__empty">{t('credit.backtestHint')}</p>
      ) : (
        <>
          <p className="panel__note">
            {t('credit.backtestSummary', { asOf: date(bt.asOf), end: date(bt.horizonEnd), population: integer(bt.population), bads: integer(bt.bads), excluded: integer(bt.excludedAlreadyBad) })}
          </p>
          <div className="kpis kpis--inline">
            <div className="kpi">
              <span className="kpi__label">{t('credit.auc')}</span>
              <strong className="kpi__value num" data-testid="backtest-auc">{ratio(bt.auc)}</strong>
            </div>
            <div className="kpi">
              <span className="kpi__label">{t('credit.ks')}</span>
              <strong className="kpi__value num" data-testid="backtest-ks">{ratio(bt.ks)}</strong>
            </div>
          </div>
          <div className="table-scroll">
            <table className="table" data-testid="decile-table">
              <thead>
                <tr>
                  <th className="num">{t('credit.decile')}</th>
                  <th className="num">{t('credit.scoreRange')}</th>
                  <th className="num">{t('credit.count')}</th>
                  <th className="num">{t('credit.bads')}</th>
                  <th className="num">{t('credit.badRate')}</th>
                  <th className="num">{t('credit.cumulativeBadShare')}</th>
                </tr>
              </thead>
              <tbody>
                {bt.deciles.map((d) => (
                  <tr key={d.decile}>
                    <td className="num">{d.decile}</td>
                    <td className="num">
                      {d.minScore}–{d.maxScore}
                    </td>
                    <td className="num">{integer(d.count)}</td>
                    <td className="num">{integer(d.bads)}</td>
                    <td className="num">{pct(d.badRate)}</td>
                    <td className="num">{pct(d.cumulativeBadShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

function ClassBadge({ cls }: { cls: RiskClass }) {
  return <span className={`risk-class risk-class--${cls}`}>{cls}</span>;
}

function ReviewList() {
  const { t, i18n } = useTranslation();
  const { review } = useCredit();
  return (
    <div className="panel">
      <div className="panel__header">
        <h2>{t('credit.review')}</h2>
        <span className="text-muted">{integer(review.length)}</span>
      </div>
      {review.length === 0 ? (
        <p className="panel__empty">{t('credit.reviewEmpty')}</p>
      ) : (
        <div className="table-scroll credit-list">
          <table className="table" data-testid="review-table">
            <thead>
              <tr>
                <th>{t('credit.customer')}</th>
                <th className="num">{t('credit.score')}</th>
                <th>{t('credit.class')}</th>
                <th className="num">{t('credit.limit')}</th>
                <th className="num">{t('credit.exposureCol')}</th>
                <th className="num">{t('credit.suggested')}</th>
                <th>{t('credit.reasons')}</th>
              </tr>
            </thead>
            <tbody>
              {review.map((r) => (
                <tr key={r.customerId}>
                  <td>
                    <a href={hrefFor({ name: 'customer', id: r.customerId })}>{r.legalName}</a>
                  </td>
                  <td className="num">{r.score}</td>
                  <td>
                    <ClassBadge cls={r.riskClass} />
                  </td>
                  <td className="num">{money(r.creditLimitCents)}</td>
                  <td className="num">{money(r.exposureCents)}</td>
                  <td className="num">
                    <span className={r.review.action === 'lower' ? 'text-danger' : 'text-ok'}>
                      {t(`credit.action.${r.review.action}`)} → {money(r.review.suggestedLimitCents)}
                    </span>
                  </td>
                  <td className="credit-reasons">{r.review.reasons.map((x) => reasonText(x, i18n.language)).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function BlockedList() {
  const { t, i18n } = useTranslation();
  const { blocked } = useCredit();
  async function exportFile(format: 'csv' | 'pdf') {
    try {
      const file = format === 'csv' ? await api.invoke('credit.blockedCsv', {}) : await api.invoke('credit.blockedPdf', {});
      const r =
        format === 'csv'
          ? await platform.saveFile(file.fileName, file.content, 'text/csv;charset=utf-8')
          : await platform.saveFile(file.fileName, file.content, 'application/pdf', 'base64');
      if (r.saved) toast.success(t('credit.exported', { file: r.fileName ?? file.fileName, count: file.rowCount }));
    } catch (e) {
      toast.error(t('errors.generic', { message: e instanceof Error ? e.message : String(e) }));
    }
  }
  return (
    <div className="panel">
      <div className="panel__header">
        <h2>{t('credit.blocked')}</h2>
        <div className="page__actions">
          <button type="button" className="button button--small" onClick={() => void exportFile('pdf')} disabled={blocked.length === 0} data-testid="blocked-pdf">
            {t('credit.exportPdf')}
          </button>
          <button type="button" className="button button--small" onClick={() => void exportFile('csv')} disabled={blocked.length === 0} data-testid="blocked-csv">
            {t('credit.exportCsv')}
          </button>
        </div>
      </div>
      {blocked.length === 0 ? (
        <p className="panel__empty">{t('credit.blockedEmpty')}</p>
      ) : (
        <div className="table-scroll credit-list">
          <table className="table" data-testid="blocked-table">
            <thead>
              <tr>
                <th>{t('credit.customer')}</th>
                <th>{t('credit.salesRep')}</th>
                <th className="num">{t('credit.score')}</th>
                <th>{t('credit.class')}</th>
                <th>{t('credit.situation')}</th>
                <th className="num">{t('credit.overdue')}</th>
                <th className="num">{t('credit.oldestDays')}</th>
                <th>{t('credit.reasons')}</th>
              </tr>
            </thead>
            <tbody>
              {blocked.map((b) => (
                <tr key={b.customerId}>
                  <td>
                    <a href={hrefFor({ name: 'customer', id: b.customerId })}>{b.legalName}</a>
                    <div className="text-muted mono">{doc(b.document)}</div>
                  </td>
                  <td>{b.salesRep ?? '—'}</td>
                  <td className="num">{b.score}</td>
                  <td>
                    <ClassBadge cls={b.riskClass} />
                  </td>
                  <td>
                    <span className={b.verdict.blocked ? 'badge badge--blocked' : 'badge badge--partial'}>{b.verdict.blocked ? t('credit.blockedState') : t('credit.cashOnlyState')}</span>
                  </td>
                  <td className="num">{money(b.overdueCents)}</td>
                  <td className="num">{b.oldestOverdueDays === null ? '—' : integer(b.oldestOverdueDays)}</td>
                  <td className="credit-reasons">{b.verdict.reasons.map((x) => reasonText(x, i18n.language)).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
