import { useTranslation } from 'react-i18next';
import type { DebtLine, DebtTotals } from '../../../../shared/domain/negotiation';
import { date, integer, money } from '../../i18n/format';

export interface DebtRow {
  invoiceId: number;
  documentNumber: string;
  dueDate: string;
  principalCents: number;
  /** The título updated to the as-of date; null while it is not part of the calculation (not picked). */
  line: DebtLine | null;
}

interface DebtTableProps {
  rows: DebtRow[];
  totals: DebtTotals | null;
  showCorrection?: boolean;
  /** With a selection, each row gets a checkbox. */
  selection?: { picked: ReadonlySet<number>; toggle(invoiceId: number): void };
  testId: string;
  totalTestId: string;
}

/** Títulos with principal, (correção), multa, juros and the updated value, and their totals. */
export function DebtTable({ rows, totals, showCorrection = false, selection, testId, totalTestId }: DebtTableProps) {
  const { t } = useTranslation();
  const cents = (v: number | undefined) => (v === undefined ? '—' : money(v));
  return (
    <div className="table-scroll">
      <table className="table table--compact" data-testid={testId}>
        <thead>
          <tr>
            {selection && <th aria-label={t('negotiation.page.selectAll')} />}
            <th>{t('invoice.documentNumber')}</th>
            <th>{t('invoice.dueDate')}</th>
            <th className="num">{t('negotiation.page.days')}</th>
            <th className="num">{t('negotiation.updated.principal')}</th>
            {showCorrection && <th className="num">{t('negotiation.page.correctionCol')}</th>}
            <th className="num">{t('negotiation.updated.fine')}</th>
            <th className="num">{t('negotiation.updated.interest')}</th>
            <th className="num">{t('negotiation.updated.total')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ invoiceId, documentNumber, dueDate, principalCents, line }) => (
            <tr key={invoiceId} className={selection && !selection.picked.has(invoiceId) ? 'is-muted' : ''} data-testid="debt-row" data-document={documentNumber}>
              {selection && (
                <td>
                  <input type="checkbox" checked={selection.picked.has(invoiceId)} onChange={() => selection.toggle(invoiceId)} aria-label={documentNumber} />
                </td>
              )}
              <td className="mono">{documentNumber}</td>
              <td>{date(dueDate)}</td>
              <td className="num">{line && line.daysLate > 0 ? integer(line.daysLate) : '—'}</td>
              <td className="num">{money(principalCents)}</td>
              {showCorrection && <td className="num">{cents(line?.correctionCents)}</td>}
              <td className="num">{cents(line?.fineCents)}</td>
              <td className="num">{cents(line?.interestCents)}</td>
              <td className="num">{line ? <strong>{money(line.totalCents)}</strong> : '—'}</td>
            </tr>
          ))}
        </tbody>
        {totals && (
          <tfoot>
            <tr>
              <th colSpan={selection ? 4 : 3}>{t('negotiation.page.totals')}</th>
              <th className="num">{money(totals.principalCents)}</th>
              {showCorrection && <th className="num">{money(totals.correctionCents)}</th>}
              <th className="num">{money(totals.fineCents)}</th>
              <th className="num">{money(totals.interestCents)}</th>
              <th className="num" data-testid={totalTestId}>
                {money(totals.totalCents)}
              </th>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
