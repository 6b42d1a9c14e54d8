import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseBrDate } from '../../../../shared/domain/dates';
import type { NegativacaoKind, NegativacaoStatus } from '../../../../shared/domain/negativacao';
import type { NegativacaoCandidate, NegativacaoRecord } from '../../../../shared/ipc/credit.contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { hrefFor } from '../../components/route';
import { toast } from '../../components/toast.store';
import { date, doc, integer, money } from '../../i18n/format';
import { platform } from '../../platform/platform';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Negativação: who may be sent (by the gates), what was sent and where each record stands, removal alerts. */
export function NegativacaoPanel({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const [candidates, setCandidates] = useState<NegativacaoCandidate[]>([]);
  const [records, setRecords] = useState<NegativacaoRecord[]>([]);
  const [kind, setKind] = useState<NegativacaoKind>('negativacao');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [step, setStep] = useState<{ record: NegativacaoRecord; status: NegativacaoStatus } | null>(null);

  const load = useCallback(async () => {
    try {
      const [c, r] = await Promise.all([api.invoke('negativacao.candidates', { kind }), api.invoke('negativacao.list', { kind })]);
      setCandidates(c.rows);
      setRecords(r);
    } catch (e) {
      toast.error(message(e));
    }
  }, [kind]);

  useEffect(() => {
    void load();
    return api.on('data.changed', () => void load());
  }, [load]);

  function toggle(id: number) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  }

  async function authorize() {
    try {
      const created = await api.invoke('negativacao.create', { kind, invoiceIds: [...selected] });
      setSelected(new Set());
      toast.success(t('credit.neg.authorized', { count: created.length }));
      await load();
    } catch (e) {
      toast.error(message(e));
    }
  }

  async function exportCsv() {
    try {
      const file = await api.invoke('negativacao.exportCsv', { kind });
      const r = await platform.saveFile(file.fileName, file.content, 'text/csv;charset=utf-8');
      if (r.saved) toast.success(t('credit.exported', { file: r.fileName ?? file.fileName, count: file.rowCount }));
    } catch (e) {
      toast.error(message(e));
    }
  }

  async function letter(r: NegativacaoRecord) {
    try {
      const file = await api.invoke('negativacao.letterPdf', { id: r.id });
      await platform.saveFile(file.fileName, file.content, 'application/pdf', 'base64');
    } catch (e) {
      toast.error(message(e));
    }
  }

  const alerts = records.filter((r) => r.alert !== null);
  const toSend = records.filter((r) => r.status === 'to_send').length;

  return (
    <div className="panel" data-testid="negativacao">
      <div className="panel__header">
        <h2>{t('credit.neg.title')}</h2>
        <div className="segmented" role="group" aria-label={t('credit.neg.kindLabel')}>
          {(['negativacao', 'protesto', 'agencia'] as const).map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={kind === k}
              className={kind === k ? 'is-active' : ''}
              onClick={() => {
                setKind(k);
                setSelected(new Set());
              }}
              data-testid={`neg-kind-${k}`}
            >
              {t(`credit.neg.kind.${k}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button button--small" onClick={() => void exportCsv()} disabled={toSend === 0} data-testid="neg-csv">
          {t('credit.neg.exportCsv', { count: toSend })}
        </button>
      </div>
      {alerts.length > 0 && (
        <ul className="credit-neg-alerts" data-testid="credit-neg-alerts">
          {alerts.map((r) => (
            <li key={r.id} className={r.alert === 'removal_late' ? 'text-danger' : ''}>
              {t(`credit.neg.alert.${r.alert!}`, { name: r.legalName, doc: r.documentNumber, paid: date(r.paidInFullOn), due: date(r.removalDueOn), limit: date(r.recordLimitOn) })}
            </li>
          ))}
        </ul>
      )}

      <h3 className="credit-neg-subtitle">{t('credit.neg.candidates', { count: candidates.length })}</h3>
      <p className="panel__note">{t('credit.neg.gates')}</p>
      {candidates.length === 0 ? (
        <p className="panel__empty">{t('credit.neg.noCandidates')}</p>
      ) : (
        <>
          <div className="table-scroll credit-list">
            <table className="table" data-testid="neg-candidates">
              <thead>
                <tr>
                  <th>
                    <input
                      type="checkbox"
                      aria-label={t('credit.neg.selectAll')}
                      checked={selected.size === candidates.length}
                      onChange={(e) => setSelected(e.target.checked ? new Set(candidates.map((c) => c.invoiceId)) : new Set())}
                    />
                  </th>
                  <th>{t('credit.customer')}</th>
                  <th>{t('credit.neg.document')}</th>
                  <th>{t('credit.neg.dueDate')}</th>
                  <th className="num">{t('credit.oldestDays')}</th>
                  <th className="num">{t('credit.neg.open')}</th>
                  <th>{t('credit.neg.address')}</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((c) => (
                  <tr key={c.invoiceId}>
                    <td>
                      <input type="checkbox" aria-label={`${c.legalName} ${c.documentNumber}`} checked={selected.has(c.invoiceId)} onChange={() => toggle(c.invoiceId)} />
                    </td>
                    <td>
                      <a href={hrefFor({ name: 'customer', id: c.customerId })}>{c.legalName}</a>
                      <div className="text-muted mono">{doc(c.document)}</div>
                    </td>
                    <td className="mono">{c.documentNumber}</td>
                    <td>{date(c.dueDate)}</td>
                    <td className="num">{integer(c.daysOverdue)}</td>
                    <td className="num">{money(c.openCents)}</td>
                    <td className="credit-reasons">{c.address}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="credit-neg-actions">
            <button type="button" className="button button--primary button--small" disabled={selected.size === 0} onClick={() => void authorize()} data-testid="neg-authorize">
              {t('credit.neg.authorize', { count: selected.size })}
            </button>
          </div>
        </>
      )}

      <h3 className="credit-neg-subtitle">{t('credit.neg.records')}</h3>
      {records.length === 0 ? (
        <p className="panel__empty">{t('credit.neg.noRecords')}</p>
      ) : (
        <div className="table-scroll credit-list">
          <table className="table" data-testid="neg-records">
            <thead>
              <tr>
                <th>{t('credit.customer')}</th>
                <th>{t('credit.neg.document')}</th>
                <th className="num">{t('credit.neg.amount')}</th>
                <th>{t('credit.situation')}</th>
                <th>{t('credit.neg.dates')}</th>
                <th>{t('credit.neg.protocol')}</th>
                <th>{t('credit.neg.authorizedBy')}</th>
                <th className="actions">{t('credit.neg.next')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id} data-testid="neg-record">
                  <td>{r.legalName}</td>
                  <td className="mono">{r.documentNumber}</td>
                  <td className="num">{money(r.amountCents)}</td>
                  <td>
                    <span className={`badge credit-neg-status--${r.status}`}>{t(`credit.neg.status.${r.status}`)}</span>
                  </td>
                  <td className="credit-reasons">
                    {[
                      r.sentOn && t('credit.neg.sentOn', { date: date(r.sentOn) }),
                      r.inscribedOn && t('credit.neg.inscribedOn', { date: date(r.inscribedOn) }),
                      r.removalRequestedOn && t('credit.neg.removalRequestedOn', { date: date(r.removalRequestedOn) }),
                      r.removedOn && t('credit.neg.removedOn', { date: date(r.removedOn) }),
                    ]
                      .filter(Boolean)
                      .join(' · ') || '—'}
                  </td>
                  <td className="mono">{r.protocol ?? '—'}</td>
                  <td>{r.authorizedBy}</td>
                  <td className="actions">
                    {r.kind === 'negativacao' && r.status !== 'removed' && (
                      <button type="button" className="button button--small" onClick={() => void letter(r)} data-testid="neg-letter">
                        {t('credit.neg.letter')}
                      </button>
                    )}
                    {r.nextStatuses.map((s) => (
                      <button key={s} type="button" className={s === 'removed' && r.status !== 'removal_requested' ? 'button button--small' : 'button button--small button--primary'} onClick={() => setStep({ record: r, status: s })} data-testid={`neg-to-${s}`}>
                        {t(`credit.neg.action.${s}`)}
                      </button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {step && (
        <StepDialog
          record={step.record}
          status={step.status}
          asOf={asOf}
          onClose={() => setStep(null)}
          onDone={() => {
            setStep(null);
            void load();
          }}
        />
      )}
    </div>
  );
}

function StepDialog({ record, status, asOf, onClose, onDone }: { record: NegativacaoRecord; status: NegativacaoStatus; asOf: string; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(date(asOf));
  const [protocol, setProtocol] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const iso = parseBrDate(on);
    if (!iso) {
      setError(t('form.invalidDate'));
      return;
    }
    try {
      await api.invoke('negativacao.update', { id: record.id, status, on: iso, protocol: protocol || null, expectedUpdatedAt: record.updatedAt });
      onDone();
    } catch (err) {
      setError(message(err));
    }
  }

  return (
    <Dialog title={`${t(`credit.neg.action.${status}`)} · ${record.legalName}`} onClose={onClose} testId="neg-step">
      <form onSubmit={(e) => void submit(e)} className="credit-neg-step-form">
        <Field label={t('credit.neg.on')} required>
          <input value={on} onChange={(e) => setOn(e.target.value)} placeholder="dd/mm/aaaa" data-testid="neg-step-date" />
        </Field>
        {status === 'inscribed' && (
          <Field label={t('credit.neg.protocol')} required>
            <input value={protocol} onChange={(e) => setProtocol(e.target.value)} maxLength={60} data-testid="neg-step-protocol" />
          </Field>
        )}
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__footer">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="neg-step-save">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
