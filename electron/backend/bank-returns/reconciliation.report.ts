// The reconciliation report of one imported return file, as CSV for Excel pt-BR: one row per título
// movement with the bank's raw code, what Adimple matched and what it recorded.
import { bankReasonCodes, type SettlementResult } from '../../../shared/domain/cnab/settle';
import type { BankReturnFile, BankReturnItemRow, MatchedBy } from '../../../shared/ipc/bank-returns.contract';
import type { CsvFile } from '../../../shared/ipc/contract';
import { centsToCsvDecimal, toCsv } from '../reports/csv';

const RESULT_LABELS: Readonly<Record<SettlementResult, string>> = {
  settled: 'Liquidado',
  partial: 'Liquidado parcialmente',
  not_found: 'Não encontrado',
  already_paid: 'Já estava pago',
  rejected: 'Rejeitado',
  other: 'Outra ocorrência',
};

const MATCHED_BY_LABELS: Readonly<Record<MatchedBy, string>> = {
  company_ref: 'Identificador da empresa',
  nosso_numero: 'Nosso número',
  document_number: 'Número do documento',
};

const HEADER = [
  'Linha',
  'Ocorrência',
  'Descrição da ocorrência',
  'Motivos do banco',
  'Resultado',
  'Nosso número',
  'Nº documento',
  'Uso da empresa',
  'Vencimento',
  'Valor do título (R$)',
  'Valor pago (R$)',
  'Juros/multa informados (R$)',
  'Data do pagamento',
  'Data do crédito',
  'Encontrado por',
  'Título no Adimple',
  'Cliente',
  'Lançado no título (R$)',
  'Encargos recebidos (R$)',
  'Observação',
];

function brDate(iso: string | null): string | null {
  return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : null;
}

export function bankReturnsCsv(file: BankReturnFile, items: Iterable<BankReturnItemRow>): CsvFile {
  function* rows() {
    for (const r of items) {
      yield [
        r.line,
        r.movementCode,
        r.movementDescription,
        bankReasonCodes(r.reasons).join(', '),
        RESULT_LABELS[r.result],
        r.nossoNumero,
        r.documentNumber,
        r.companyRef,
        brDate(r.dueDate),
        centsToCsvDecimal(r.nominalCents),
        centsToCsvDecimal(r.paidCents),
        centsToCsvDecimal(r.bankChargesCents),
        brDate(r.occurrenceDate),
        brDate(r.creditDate),
        r.matchedBy ? MATCHED_BY_LABELS[r.matchedBy] : null,
        r.invoiceDocumentNumber,
        r.customerName,
        centsToCsvDecimal(r.appliedCents),
        centsToCsvDecimal(r.chargesCents),
        r.note,
      ];
    }
  }
  const { content, rowCount } = toCsv(HEADER, rows());
  const stem = `retorno-${file.bankCode}-${file.sequence ?? file.id}`;
  return { fileName: `conciliacao-${stem}.csv`, content, rowCount };
}
