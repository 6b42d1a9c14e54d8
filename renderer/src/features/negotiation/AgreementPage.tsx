import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isCompanyConfigured } from '../../../../shared/domain/company';
import type { AgreementDetail, NegotiationSettings } from '../../../../shared/ipc/negotiation.contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { toast } from '../../components/toast.store';
import { date, dateTime, integer, money } from '../../i18n/format';
import { apiFieldErrors } from '../../components/form-errors';
import { AgreementShare } from './AgreementShare';
import { scheduleLabel } from './offer-draft';

/** An agreement: its terms, the renegotiated títulos, the schedule with live payment status, and the breach rule. */
export function AgreementPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const [a, setA] = useState<AgreementDetail | null>(null);
  const [settings, setSettings] = useState<NegotiationSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [breaking, setBreaking] = useState(false);
  // The termo and the message must identify the creditor: without the company set up they are not offered.
  const [companyReady, setCompanyReady] = useState<boolean | null>(null);

  useEffect(() => {
    const load = () =>
      api.invoke('agreements.get', { id }).then(
        (d) => (setA(d), setError(null)),
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      );
    const loadCompany = () => api.invoke('settings.getCompany', {}).then((c) => setCompanyReady(isCompanyConfigured(c)), () => undefined);
    void load();
    void loadCompany();
    void api.invoke('negotiation.settings', {}).then(setSettings, () => undefined);
    return api.on('data.changed', () => void (load(), loadCompany()));
  }, [id]);

  if (error && !a) return <section className="page"><EmptyState title={t('customer.notFound')} text={error} /></section>;
  if (!a) return <section className="page page--loading">{t('common.loading')}</section>;
  const statusKey = a.status === 'broken' ? 'brokenAgreement' : a.status;

  return (
    <section className="page page--agreement" aria-labelledby="agreement-title">
      <a href={`#/clientes/${a.customerId}`} className="back-link">
        ← {a.customerName}
      </a>
      <header className="page__header">
        <div>
          <h1 id="agreement-title">
            {t('negotiation.agreement.title', { id: a.id })} <span className={`badge badge--agreement-${a.status}`} data-testid="agreement-status">{t(`negotiation.status.${statusKey}`)}</span>
          </h1>
          <p className="page__subtitle">
            {a.customerName} · {t('negotiation.agreement.createdBy', { by: a.createdBy, at: dateTime(a.createdAt) })}
            {a.approvedBy && a.approvedAt && <> · {t('negotiation.agreement.approvedBy', { by: a.approvedBy, at: dateTime(a.approvedAt) })}</>}
          </p>
        </div>
        <div className="page__actions">
          {companyReady && <AgreementShare agreement={a} />}
          {a.status === 'active' && (
            <button type="button" className="button button--ghost-danger" onClick={() => setBreaking(true)} data-testid="mark-broken">
              {t('negotiation.agreement.markBroken')}
            </button>
          )}
        </div>
      </header>

      {companyReady === false && (
        <p className="alert alert--info" role="status" data-testid="agreement-company-missing">
          {t('negotiation.agreement.companyMissing')} <a href="#/configuracoes/empresa">{t('negotiation.agreement.companyLink')}</a>
        </p>
      )}

      {a.status === 'broken' && a.statusChangedAt && (
        <p className="alert alert--error" data-testid="broken-note">
          {t('negotiation.agreement.brokenNote', { at: dateTime(a.statusChangedAt), reason: a.statusReason ?? '' })}
        </p>
      )}

      <div className="kpis">
        <Kpi label={t('negotiation.offer.debtTotal')} value={money(a.totals.totalCents)} sub={t('common.asOf', { date: date(a.asOf) })} />
        <Kpi label={t('negotiation.offer.discountTotal')} value={a.discountCents ? `− ${money(a.discountCents)}` : '—'} sub={t('negotiation.offer.negotiated') + ': ' + money(a.negotiatedCents)} />
        <Kpi label={t('negotiation.offer.totalToPay')} value={money(a.totalToPayCents)} sub={a.financingInterestCents ? `${t('negotiation.offer.financingInterest')}: ${money(a.financingInterestCents)}` : '—'} testId="agreement-total" />
        <Kpi label={t('negotiation.agreement.paid')} value={money(a.paidCents)} sub={`${integer(a.installments.filter((i) => i.invoiceStatus === 'paid').length)} / ${integer(a.installmentCount)}`} />
      </div>

      <div className="customer-layout">
        <div className="panel">
          <div className="panel__header">
            <h2>{t('negotiation.agreement.schedule')}</h2>
          </div>
          <div className="table-scroll">
            <table className="table" data-testid="agreement-schedule">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('invoice.documentNumber')}</th>
                  <th>{t('invoice.dueDate')}</th>
                  <th className="num">{t('invoice.amount')}</th>
                  <th className="num">{t('negotiation.agreement.paid')}</th>
                  <th>{t('invoice.status')}</th>
                  <th>{t('negotiation.agreement.txid')}</th>
                </tr>
              </thead>
              <tbody>
                {a.installments.map((i) => (
                  <tr key={i.invoiceId} data-testid="agreement-installment">
                    <td>{scheduleLabel(t, i)}</td>
                    <td className="mono">{i.documentNumber}</td>
                    <td>{date(i.dueDate)}</td>
                    <td className="num">{money(i.amountCents)}</td>
                    <td className="num">{i.paidCents ? money(i.paidCents) : '—'}</td>
                    <td>
                      {i.cancelledAt ? (
                        <span className="badge badge--written_off">{t('negotiation.agreement.cancelled')}</span>
                      ) : (
                        <span className={`badge badge--${i.displayStatus}`}>{t(`invoiceStatus.${i.displayStatus}`)}</span>
                      )}
                    </td>
                    <td className="mono">{i.pixTxid}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th colSpan={3}>{t('negotiation.page.totals')}</th>
                  <th className="num">{money(a.installments.reduce((s, i) => s + i.amountCents, 0))}</th>
                  <th className="num">{money(a.paidCents)}</th>
                  <th colSpan={2} />
                </tr>
              </tfoot>
            </table>
          </div>
          {settings && <p className="panel__note neg-rule" data-testid="break-rule">{t('negotiation.agreement.breakRule', { days: settings.breachToleranceDays })}</p>}
        </div>
        <aside className="customer-aside">
          <div className="panel">
            <div className="panel__header">
              <h2>{t('negotiation.agreement.originals')}</h2>
            </div>
            <ul className="neg-list">
              {a.originals.map((o) => (
                <li key={o.invoiceId} className="neg-list__item">
                  <span className="mono">{o.documentNumber}</span>
                  <span>{date(o.dueDate)}</span>
                  <span className="num" title={`${money(o.principalCents)} + ${money(o.fineCents)} + ${money(o.interestCents)}`}>
                    {money(o.totalCents)}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          {a.reinstated.length > 0 && (
            <div className="panel" data-testid="reinstated">
              <div className="panel__header">
                <h2>{t('negotiation.agreement.reinstated')}</h2>
              </div>
              <ul className="neg-list">
                {a.reinstated.map((r) => (
                  <li key={r.invoiceId} className="neg-list__item">
                    <span className="mono">{r.documentNumber}</span>
                    <span className="num">{money(r.amountCents)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </aside>
      </div>
      {breaking && <BreakDialog id={a.id} onClose={() => setBreaking(false)} />}
    </section>
  );
}

function Kpi({ label, value, sub, testId }: { label: string; value: string; sub: string; testId?: string }) {
  return (
    <div className="kpi">
      <span className="kpi__label">{label}</span>
      <strong className="kpi__value num" data-testid={testId}>
        {value}
      </strong>
      <span className="kpi__sub">{sub}</span>
    </div>
  );
}

function BreakDialog({ id, onClose }: { id: number; onClose(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    try {
      await api.invoke('agreements.markBroken', { id, reason });
      onClose();
    } catch (err) {
      const { fields, message } = apiFieldErrors(err);
      setError(fields.reason ?? message);
      toast.error(message);
    } finally {
      setSaving(false);
    }
  }
  return (
    <Dialog
      title={t('negotiation.agreement.markBroken')}
      onClose={onClose}
      testId="break-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="break-form" className="button button--danger" disabled={saving} data-testid="break-confirm">
            {t('negotiation.agreement.markBroken')}
          </button>
        </>
      }
    >
      <form id="break-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('negotiation.agreement.breakReason')} error={error} required>
          <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus data-testid="break-reason" />
        </Field>
      </form>
    </Dialog>
  );
}
