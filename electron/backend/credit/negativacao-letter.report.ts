// The pre-negativação notice: the letter the debtor must receive at its address before a bureau inscription
// (CDC art. 43 §2; Súmula 359 STJ: the bureau's duty, here prepared by the creditor for its own records).
import type { Content } from 'pdfmake/interfaces';
import type { NegativacaoRecord } from '../../../shared/ipc/credit.contract';
import type { CompanySettings } from '../../../shared/ipc/settings.contract';
import { brDate, brl, cnpjOrCpf } from '../reports/pdf/format';
import { creditorBlock, dataTable, moneyCell, textCell } from '../reports/pdf/kit';

/** Days the debtor has to pay or contest before the inscription is requested. */
export const NOTICE_DAYS = 10;

export function negativacaoLetterContent(r: NegativacaoRecord, company: CompanySettings, issuedOn: string): Content[] {
  const creditor = company.legalName || 'o credor';
  return [
    { text: `${company.address.city ?? ''}${company.address.city ? ', ' : ''}${brDate(issuedOn)}`, alignment: 'right', margin: [0, 0, 0, 12] },
    {
      stack: [
        { text: 'Destinatário', bold: true, fontSize: 8, color: '#5b6472' },
        { text: r.legalName, bold: true },
        { text: `CNPJ/CPF ${cnpjOrCpf(r.document)}` },
        { text: r.addressUsed },
      ],
      margin: [0, 0, 0, 14],
    },
    { text: 'Comunicado de débito e aviso prévio de inclusão em cadastro de inadimplentes', bold: true, fontSize: 11, margin: [0, 0, 0, 10] },
    { text: 'Prezado(a) cliente,', margin: [0, 0, 0, 8] },
    {
      text: [
        `Comunicamos que consta em aberto, em favor de ${creditor}, o título abaixo, vencido em ${brDate(r.dueDate)}, no valor de `,
        { text: brl(r.amountCents), bold: true },
        '.',
      ],
      margin: [0, 0, 0, 8],
    },
    dataTable({
      columns: [
        { header: 'Título', width: '*' },
        { header: 'Vencimento', width: 80 },
        { header: 'Valor em aberto', width: 100, align: 'right' },
      ],
      rows: [{ cells: [textCell(r.documentNumber), textCell(brDate(r.dueDate)), moneyCell(r.amountCents)] }],
    }),
    {
      text:
        `Caso o débito não seja regularizado no prazo de ${NOTICE_DAYS} (dez) dias contados do recebimento desta, os dados do débito ` +
        'poderão ser incluídos nos cadastros de proteção ao crédito (SPC, Serasa, Boa Vista), nos termos do art. 43, § 2º, do ' +
        'Código de Defesa do Consumidor (Lei nº 8.078/1990) e da Súmula 359 do Superior Tribunal de Justiça.',
      margin: [0, 12, 0, 8],
    },
    {
      text:
        'Após o pagamento integral, a exclusão do registro será solicitada em até 5 (cinco) dias úteis (Súmula 548 do STJ). ' +
        'Se o pagamento já foi efetuado, por favor desconsidere este aviso. Para negociar, esclarecer ou contestar o débito, ' +
        'entre em contato pelos canais abaixo.',
      margin: [0, 0, 0, 16],
    },
    creditorBlock(company),
  ];
}
