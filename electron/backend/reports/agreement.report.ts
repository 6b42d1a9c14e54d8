// The agreement document (termo de acordo e confissão de dívida) and the message that goes with it: the parties
// with CNPJ/CPF and address, the títulos renegotiated with their updated values, the schedule, the breach
// conditions, a Pix copia e cola + QR per installment (each with its own txid) and the signature lines.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { InstallmentInterval } from '../../../shared/domain/negotiation';
import { buildPixCode } from '../../../shared/domain/pix';
import type { Contact, Customer } from '../../../shared/ipc/contract';
import type { AgreementDetail, AgreementInstallment } from '../../../shared/ipc/negotiation.contract';
import type { CompanySettings } from '../../../shared/ipc/settings.contract';
import { waMeLink } from '../../../shared/domain/contact-info';
import { addressLine, brDate, brl, cnpjOrCpf, integerBr, percentFromBp } from './pdf/format';
import { COLORS, dataTable, moneyCell, pixBlock, reportDocument, sectionTitle, spanRow, textCell, type TableRow } from './pdf/kit';

export interface AgreementDocumentInput {
  agreement: AgreementDetail;
  customer: Customer;
  company: CompanySettings;
  breachToleranceDays: number;
  generatedAt: Date;
}

/** "Entrada", "À vista" or "Parcela 3/6". */
export function installmentLabel(i: Pick<AgreementInstallment, 'kind' | 'number' | 'of'>): string {
  if (i.kind === 'down') return 'Entrada';
  if (i.kind === 'cash') return 'À vista';
  return `Parcela ${i.number}/${i.of}`;
}

/** The Pix copia e cola of one installment, or null when the company has no Pix key (or no city) configured. */
export function installmentPix(company: CompanySettings, agreementId: number, i: AgreementInstallment): string | null {
  if (!company.pixKey || !company.address.city || !company.legalName) return null;
  return buildPixCode({
    key: company.pixKey,
    merchantName: company.legalName,
    merchantCity: company.address.city,
    amountCents: i.amountCents,
    txid: i.pixTxid,
    description: `Acordo ACD-${agreementId} ${installmentLabel(i)}`,
  });
}

/** "1 parcela mensal", "10 parcelas mensais", "3 parcelas a cada 15 dias". */
export function installmentCountWords(count: number, interval: InstallmentInterval): string {
  const noun = count === 1 ? 'parcela' : 'parcelas';
  const cadence = interval.unit === 'months' ? (count === 1 ? 'mensal' : 'mensais') : `a cada ${interval.days} dias`;
  return `${count} ${noun} ${cadence}`;
}

/** The installments still to be paid (not cancelled, not paid), in due order. */
function payable(a: AgreementDetail): AgreementInstallment[] {
  return a.installments.filter((i) => i.cancelledAt === null && i.invoiceStatus !== 'paid');
}

function partyBlock(role: string, name: string, document: string, docLabel: string, address: string): Content {
  return {
    stack: [
      { text: role, bold: true, fontSize: 8, color: COLORS.muted },
      { text: name, bold: true },
      { text: `${docLabel} ${document}` },
      ...(address ? [{ text: address }] : []),
    ],
    fontSize: 8.5,
  };
}

function clause(title: string, text: string | Content[]): Content[] {
  return [sectionTitle(title), typeof text === 'string' ? { text, alignment: 'justify' } : { stack: text }];
}

function signature(label: string, detail: string): Content {
  return {
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 220, y2: 0, lineWidth: 0.6, lineColor: COLORS.ink }], margin: [0, 34, 0, 2] },
      { text: label, bold: true, fontSize: 8.5 },
      { text: detail, fontSize: 8, color: COLORS.muted },
    ],
  };
}

/**
 * The whole termo as a pdfmake definition (fresh objects every call: pdfmake mutates what it is given).
 * The company must be configured (the service refuses otherwise): the creditor is always named.
 */
export async function agreementDocument(input: AgreementDocumentInput): Promise<TDocumentDefinitions> {
  const { agreement: a, customer, company, breachToleranceDays } = input;
  const creditorName = company.legalName;
  const creditorCnpj = cnpjOrCpf(company.cnpj);
  const debtorDocLabel = customer.kind === 'PF' ? 'CPF' : 'CNPJ';
  const originalsRows: TableRow[] = a.originals.map((o) => ({
    cells: [textCell(o.documentNumber), textCell(brDate(o.dueDate)), textCell(integerBr(o.daysLate), { align: 'right' }), moneyCell(o.principalCents + o.correctionCents), moneyCell(o.fineCents), moneyCell(o.interestCents), moneyCell(o.totalCents)],
  }));
  originalsRows.push({
    kind: 'total',
    cells: [
      ...spanRow({ text: 'Total atualizado', bold: true, colSpan: 3 }, []),
      moneyCell(a.totals.principalCents + a.totals.correctionCents, { bold: true }),
      moneyCell(a.totals.fineCents, { bold: true }),
      moneyCell(a.totals.interestCents, { bold: true }),
      moneyCell(a.totals.totalCents, { bold: true }),
    ],
  });
  const scheduleRows: TableRow[] = a.installments.map((i) => ({
    cells: [textCell(installmentLabel(i)), textCell(i.documentNumber), textCell(brDate(i.dueDate)), moneyCell(i.amountCents), textCell(i.pixTxid)],
  }));
  scheduleRows.push({
    kind: 'total',
    cells: [...spanRow({ text: 'Total a pagar', bold: true, colSpan: 3 }, []), moneyCell(a.totalToPayCents, { bold: true }), textCell('')],
  });

  const offer = a.offer;
  const discountParts = [offer.waiveFine ? 'isenção da multa' : '', offer.waiveInterest ? 'isenção dos juros de mora' : '', offer.discountBp ? `desconto de ${percentFromBp(offer.discountBp)}` : ''].filter(Boolean);
  const conditions =
    offer.kind === 'cash'
      ? `Pagamento à vista de ${brl(a.negotiatedCents)} em ${brDate(offer.dueDate)}.`
      : `${a.downPaymentCents ? `Entrada de ${brl(a.downPaymentCents)} em ${brDate(offer.downPaymentDate)} e ` : ''}${installmentCountWords(offer.installmentCount, offer.interval)}, a primeira em ${brDate(offer.firstDueDate)}, com juros de ${percentFromBp(offer.monthlyRateBp)} ao mês pela Tabela Price (juros compostos, parcelas iguais; a última parcela absorve os centavos de arredondamento).`;

  const pixContent: Content[] = [];
  for (const i of payable(a)) {
    const code = installmentPix(company, a.id, i);
    if (code) pixContent.push(await pixBlock(code, i.amountCents, `${installmentLabel(i)} · vence em ${brDate(i.dueDate)} · txid ${i.pixTxid}`));
  }
  if (pixContent.length === 0) pixContent.push({ text: 'Pix não configurado: cadastre a chave Pix da empresa em Configurações › Empresa. Os pagamentos podem ser feitos por transferência identificada.', italics: true, color: COLORS.muted });

  const city = company.address.city ?? '';
  const content: Content[] = [
    { text: 'TERMO DE ACORDO E CONFISSÃO DE DÍVIDA', bold: true, fontSize: 13, alignment: 'center', margin: [0, 0, 0, 10] },
    {
      columns: [
        partyBlock('CREDOR', creditorName, creditorCnpj, 'CNPJ', addressLine(company.address)),
        partyBlock('DEVEDOR', customer.legalName, cnpjOrCpf(customer.document), debtorDocLabel, addressLine(customer.address)),
      ],
      columnGap: 24,
      margin: [0, 0, 0, 6],
    },
    ...clause(
      'Cláusula 1ª – Da dívida',
      `O DEVEDOR reconhece e confessa dever ao CREDOR a quantia de ${brl(a.totals.totalCents)}, atualizada até ${brDate(a.asOf)} com multa de ${percentFromBp(a.charges.finePercentBp)} e juros de mora de ${percentFromBp(a.charges.monthlyInterestBp)} ao mês pro rata die, referente aos títulos abaixo:`,
    ),
    dataTable({
      columns: [
        { header: 'Título', width: '*' },
        { header: 'Vencimento', width: 58 },
        { header: 'Dias', width: 30, align: 'right' },
        { header: 'Principal', width: 66, align: 'right' },
        { header: 'Multa', width: 56, align: 'right' },
        { header: 'Juros', width: 56, align: 'right' },
        { header: 'Atualizado', width: 70, align: 'right' },
      ],
      rows: originalsRows,
    }),
    ...clause(
      'Cláusula 2ª – Das condições',
      `${discountParts.length ? `O CREDOR concede ${discountParts.join(', ')}, no total de ${brl(a.discountCents)}. ` : ''}As partes ajustam o valor negociado de ${brl(a.negotiatedCents)}, a ser pago assim: ${conditions} Total a pagar: ${brl(a.totalToPayCents)}.`,
    ),
    dataTable({
      columns: [
        { header: 'Parcela', width: 70 },
        { header: 'Documento', width: '*' },
        { header: 'Vencimento', width: 64 },
        { header: 'Valor', width: 74, align: 'right' },
        { header: 'txid Pix', width: 80 },
      ],
      rows: scheduleRows,
    }),
    ...clause(
      'Cláusula 3ª – Do inadimplemento',
      `O atraso de qualquer parcela por mais de ${breachToleranceDays} dias rompe este acordo de pleno direito, independentemente de aviso: as parcelas em aberto são canceladas, os valores pagos abatem o principal dos títulos originais (do vencimento mais antigo para o mais novo) e o saldo volta a ser exigível com os vencimentos originais, acrescido de multa e juros de mora desde então, perdendo o DEVEDOR os descontos aqui concedidos.`,
    ),
    ...clause(
      'Cláusula 4ª – Disposições gerais',
      'Este acordo não implica novação (Código Civil, art. 361): os títulos originais permanecem vinculados a ele até a quitação. O DEVEDOR declara que a dívida é líquida, certa e exigível. Este instrumento, assinado pelas partes e por duas testemunhas, constitui título executivo extrajudicial (CPC, art. 784, III).',
    ),
    ...clause('Cláusula 5ª – Do pagamento por Pix', 'Cada parcela tem o seu próprio código Pix, com identificador (txid) exclusivo, para baixa automática:'),
    ...pixContent,
    { text: `${city ? `${city}, ` : ''}${brDate(a.createdAt)}.`, margin: [0, 18, 0, 0] },
    {
      unbreakable: true,
      columns: [
        { stack: [signature(creditorName, `CNPJ ${creditorCnpj}`), signature('Testemunha 1', 'Nome e CPF')] },
        { stack: [signature(customer.legalName, `${debtorDocLabel} ${cnpjOrCpf(customer.document)}`), signature('Testemunha 2', 'Nome e CPF')] },
      ],
      columnGap: 30,
    },
  ];
  if (a.approvedBy) {
    content.push({ text: `Condições aprovadas por ${a.approvedBy} (supervisor).`, fontSize: 7, color: COLORS.muted, margin: [0, 12, 0, 0] });
  }
  return reportDocument({
    company,
    title: `Acordo ACD-${a.id}`,
    subtitle: `Termo de acordo · ${brDate(a.asOf)}`,
    filters: [
      { label: 'Devedor', value: customer.legalName },
      { label: 'Data-base', value: brDate(a.asOf) },
    ],
    generatedAt: input.generatedAt,
    content,
  });
}

export interface AgreementMessageInput {
  agreement: AgreementDetail;
  company: CompanySettings;
  contacts: Contact[];
  breachToleranceDays: number;
}

/**
 * The WhatsApp/e-mail text: greeting, the schedule, the next installment's Pix copia e cola, the breach rule
 * and the creditor's identification (CDC art. 42-A). Links go to the first valid contact that did not opt out.
 */
export function agreementMessage(input: AgreementMessageInput): { subject: string; text: string; whatsappUrl: string | null; mailtoUrl: string | null } {
  const { agreement: a, company, contacts, breachToleranceDays } = input;
  const usable = contacts.filter((c) => c.isValid && !c.optedOut);
  const whatsapp = usable.find((c) => c.whatsapp);
  const email = usable.find((c) => c.email);
  const greeting = (whatsapp ?? email ?? usable[0])?.name;
  const creditor = company.legalName;
  const next = payable(a)[0];
  const pix = next ? installmentPix(company, a.id, next) : null;
  const lines = [
    `Olá${greeting ? `, ${greeting}` : ''}!`,
    '',
    `Conforme combinado, segue o acordo ACD-${a.id} de ${a.customerName} com ${creditor}:`,
    '',
    ...a.installments.filter((i) => i.cancelledAt === null).map((i) => `• ${installmentLabel(i)} – ${brDate(i.dueDate)} – ${brl(i.amountCents)}${i.invoiceStatus === 'paid' ? ' (paga)' : ''}`),
    `Total: ${brl(a.totalToPayCents)}`,
    '',
    ...(next && pix ? [`${installmentLabel(next)} (${brl(next.amountCents)}, vence em ${brDate(next.dueDate)}) – Pix copia e cola:`, pix, ''] : []),
    `Se uma parcela atrasar mais de ${breachToleranceDays} dias, o acordo é desfeito e o saldo volta a ser cobrado com multa e juros.`,
    '',
    [creditor, `CNPJ ${cnpjOrCpf(company.cnpj)}`, addressLine(company.address)].filter(Boolean).join(' · '),
  ];
  const text = lines.join('\n');
  const subject = `Acordo ACD-${a.id} – ${creditor}`;
  return {
    subject,
    text,
    whatsappUrl: whatsapp?.whatsapp ? waMeLink(whatsapp.whatsapp, text) : null,
    mailtoUrl: email?.email ? `mailto:${email.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}` : null,
  };
}
