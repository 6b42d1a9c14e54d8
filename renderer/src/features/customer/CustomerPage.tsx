import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { waMeLink } from '../../../../shared/domain/contact-info';
import type { Contact, InvoiceRow } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { navigate } from '../../components/route';
import { toast } from '../../components/toast.store';
import { RowMenu } from '../../components/RowMenu';
import { date, doc, integer, money, phone } from '../../i18n/format';
import { platform } from '../../platform/platform';
import { RiskCard } from '../credit/RiskCard';
import { StatementButton } from '../reports/StatementButton';
import { ContactDialog } from './ContactDialog';
import { CustomerFormDialog } from './CustomerFormDialog';
import { useCustomer } from './customer.store';
import { InvoiceEditDialog, PaymentDialog, WriteOffDialog } from './InvoiceDialogs';
import { CustomerTimeline, NegotiationActions, NegotiationSidePanel, UpdatedDebtPanel } from '../negotiation/CustomerNegotiation';

type Action = { kind: 'pay' | 'edit' | 'writeOff'; invoice: InvoiceRow } | { kind: 'editCustomer' } | { kind: 'addContact' } | null;

export function CustomerPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { detail, invoices, invoiceTotal, scope, error, load, setScope } = useCustomer();
  const [action, setAction] = useState<Action>(null);

  useEffect(() => {
    void load(id);
    return api.on('data.changed', () => void useCustomer.getState().load(id));
  }, [id, load]);

  if (error && !detail) {
    return (
      <section className="page">
        <EmptyState
          title={t('customer.notFound')}
          text={error}
          action={
            <button type="button" className="button" onClick={() => navigate({ name: 'portfolio' })}>
              {t('customer.back')}
            </button>
          }
        />
      </section>
    );
  }
  if (!detail) return <section className="page page--loading">{t('common.loading')}</section>;

  const { customer, contacts, balance, asOf } = detail;
  const addr = customer.address;
  const exposurePct = customer.creditLimitCents > 0 ? Math.round((balance.openCents * 100) / customer.creditLimitCents) : null;

  return (
    <section className="page page--customer" aria-labelledby="customer-title">
      <a href="#/" className="back-link">
        ← {t('customer.back')}
      </a>
      <header className="customer-header">
        <div className="customer-header__identity">
          <h1 id="customer-title">{customer.legalName}</h1>
          <p className="customer-header__meta">
            {customer.tradeName && <span>{customer.tradeName} · </span>}
            <span className="mono">{doc(customer.document)}</span> · {t(`kind.${customer.kind}`)}
            {customer.segment && <> · {customer.segment}</>}
          </p>
          <p className="customer-header__meta">
            {[addr.street && `${addr.street}, ${addr.streetNumber ?? 's/n'}`, addr.district, addr.city && `${addr.city}/${addr.uf ?? ''}`]
              .filter(Boolean)
              .join(' · ') || t('common.none')}
            {customer.salesRep && (
              <>
                {' '}
                · {t('customer.salesRep')}: {customer.salesRep}
              </>
            )}
          </p>
        </div>
        <div className="customer-header__side">
          <span className={`badge badge--${customer.status}`}>{t(`status.${customer.status}`)}</span>
          <NegotiationActions customerId={customer.id} asOf={asOf} />
          <StatementButton customerId={customer.id} />
          <button type="button" className="button" onClick={() => setAction({ kind: 'editCustomer' })} data-testid="edit-customer">
            {t('common.edit')}
          </button>
        </div>
      </header>

      <div className="kpis" data-testid="customer-kpis">
        <div className="kpi">
          <span className="kpi__label">{t('customer.openBalance')}</span>
          <strong className="kpi__value num" data-testid="customer-open">{money(balance.openCents)}</strong>
          <span className="kpi__sub">{t('customer.invoiceCount', { count: balance.openCount })}</span>
        </div>
        <div className="kpi kpi--danger">
          <span className="kpi__label">{t('customer.overdueBalance')}</span>
          <strong className="kpi__value num" data-testid="customer-overdue">{money(balance.overdueCents)}</strong>
          <span className="kpi__sub">{t('customer.invoiceCount', { count: balance.overdueCount })}</span>
        </div>
        <div className="kpi">
          <span className="kpi__label">{t('customer.oldestOverdue')}</span>
          <strong className="kpi__value num">{balance.oldestOverdueDays === null ? '—' : t('customer.days', { count: balance.oldestOverdueDays })}</strong>
          <span className="kpi__sub">{t('common.asOf', { date: date(asOf) })}</span>
        </div>
        <div className="kpi">
          <span className="kpi__label">{t('customer.creditLimit')}</span>
          <strong className="kpi__value num">{money(customer.creditLimitCents)}</strong>
          <span className="kpi__sub">
            {exposurePct !== null ? t('customer.creditUsed', { pct: integer(exposurePct) }) : '—'}
            {customer.paymentTermsDays !== null && <> · {t('customer.termsDays', { count: customer.paymentTermsDays })}</>}
          </span>
        </div>
      </div>

      <div className="customer-layout">
        <div className="panel panel--invoices">
          <div className="panel__header">
            <h2>{t('customer.invoices')}</h2>
            <div className="segmented" role="group">
              {(['open', 'all'] as const).map((s) => (
                <button key={s} type="button" aria-pressed={scope === s} className={scope === s ? 'is-active' : ''} onClick={() => setScope(s)} data-testid={`scope-${s}`}>
                  {t(s === 'open' ? 'customer.scopeOpen' : 'customer.scopeAll')}
                </button>
              ))}
            </div>
          </div>
          {invoices.length === 0 ? (
            <p className="panel__empty">{scope === 'open' ? t('customer.noInvoices') : t('customer.noInvoicesAll')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table" data-testid="invoice-table">
                <thead>
                  <tr>
                    <th>{t('invoice.documentNumber')}</th>
                    <th>{t('invoice.issueDate')}</th>
                    <th>{t('invoice.dueDate')}</th>
                    <th className="num">{t('invoice.amount')}</th>
                    <th className="num">{t('invoice.paid')}</th>
                    <th className="num">{t('invoice.open')}</th>
                    <th className="num">{t('invoice.daysOverdue')}</th>
                    <th>{t('invoice.status')}</th>
                    <th className="actions">{t('invoice.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {invoices.map((inv) => {
                    const open = inv.openCents > 0;
                    return (
                      <tr key={inv.id} data-testid="invoice-row" data-document={inv.documentNumber}>
                        <td className="mono">{inv.documentNumber}</td>
                        <td>{date(inv.issueDate)}</td>
                        <td>{date(inv.dueDate)}</td>
                        <td className="num">{money(inv.amountCents)}</td>
                        <td className="num">{inv.paidCents ? money(inv.paidCents) : '—'}</td>
                        <td className="num" data-testid="invoice-open">{money(inv.openCents)}</td>
                        <td className="num">{inv.daysOverdue > 0 ? integer(inv.daysOverdue) : '—'}</td>
                        <td>
                          <span className={`badge badge--${inv.displayStatus}`}>{t(`invoiceStatus.${inv.displayStatus}`)}</span>
                        </td>
                        <td className="actions">
                          {open && (
                            <>
                              <button type="button" className="button button--small button--primary" onClick={() => setAction({ kind: 'pay', invoice: inv })} title={t('invoice.pay')} data-testid="pay-invoice">
                                {t('invoice.payShort')}
                              </button>
                              <RowMenu
                                label={t('invoice.moreActions')}
                                testId="invoice-menu"
                                items={[
                                  { label: t('common.edit'), onSelect: () => setAction({ kind: 'edit', invoice: inv }), testId: 'edit-invoice' },
                                  { label: t('invoice.writeOff'), onSelect: () => setAction({ kind: 'writeOff', invoice: inv }), danger: true, testId: 'writeoff-invoice' },
                                ]}
                              />
                            </>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {invoiceTotal > invoices.length && <p className="panel__note">{invoices.length} / {integer(invoiceTotal)}</p>}
            </div>
          )}
        </div>

        <aside className="customer-aside">
          <RiskCard customerId={customer.id} asOf={asOf} />
          <NegotiationSidePanel />
          <div className="panel">
            <div className="panel__header">
              <h2>{t('customer.contacts')}</h2>
              <button type="button" className="button button--small" onClick={() => setAction({ kind: 'addContact' })} data-testid="add-contact">
                {t('customer.addContact')}
              </button>
            </div>
            {contacts.length === 0 ? <p className="panel__empty">{t('customer.noContacts')}</p> : contacts.map((c) => <ContactCard key={c.id} contact={c} />)}
          </div>
        </aside>
      </div>

      <UpdatedDebtPanel />
      <CustomerTimeline customerId={customer.id} />

      {action?.kind === 'pay' && <PaymentDialog invoice={action.invoice} asOf={asOf} onClose={() => setAction(null)} />}
      {action?.kind === 'edit' && <InvoiceEditDialog invoice={action.invoice} onClose={() => setAction(null)} />}
      {action?.kind === 'writeOff' && <WriteOffDialog invoice={action.invoice} onClose={() => setAction(null)} />}
      {action?.kind === 'addContact' && <ContactDialog customerId={customer.id} onClose={() => setAction(null)} />}
      {action?.kind === 'editCustomer' && <CustomerFormDialog customer={customer} onClose={() => setAction(null)} onSaved={() => setAction(null)} />}
    </section>
  );
}

function ContactCard({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation();
  async function markInvalid() {
    try {
      await api.invoke('contacts.update', { ...c, isValid: false, expectedUpdatedAt: c.updatedAt });
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  }
  const open = (url: string) => void platform.openExternal(url);
  return (
    <div className={`contact ${c.isValid ? '' : 'contact--invalid'}`} data-testid="contact">
      <div className="contact__name">
        {c.name}
        {c.role && <span className="contact__role"> · {c.role}</span>}
        {!c.isValid && <span className="badge badge--blocked">{t('customer.invalid')}</span>}
        {c.optedOut && <span className="badge badge--inactive">{t('customer.optedOut')}</span>}
      </div>
      <div className="contact__links">
        {c.phone && (
          <a href={`tel:+${c.phone}`} onClick={(e) => (e.preventDefault(), open(`tel:+${c.phone}`))}>
            {phone(c.phone)}
          </a>
        )}
        {c.whatsapp && (
          <a href={waMeLink(c.whatsapp, '')} onClick={(e) => (e.preventDefault(), open(waMeLink(c.whatsapp!, '')))}>
            WhatsApp
          </a>
        )}
        {c.email && (
          <a href={`mailto:${c.email}`} onClick={(e) => (e.preventDefault(), open(`mailto:${c.email}`))}>
            {c.email}
          </a>
        )}
      </div>
      {c.isValid && (
        <button type="button" className="link-button link-button--small" onClick={() => void markInvalid()}>
          {t('customer.markInvalid')}
        </button>
      )}
    </div>
  );
}
