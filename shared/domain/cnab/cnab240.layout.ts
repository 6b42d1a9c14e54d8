// CNAB 240, FEBRABAN layout v10 ("cobrança", return file): the fields Adimple reads from each record.
// BB, Itaú, Bradesco, Caixa and Sicoob keep these positions and differ only in what they put inside free
// fields such as the 20-character nosso número and convênio. Santander's segment T is its own (below).
import { f, type FieldSpec } from './layout';

export const CNAB240_LINE_LENGTH = 240;

/** Columns shared by every record: bank 1–3, lot 4–7, record type 8. */
export const CNAB240_CONTROL = {
  bank: f(1, 3, 'num', 'Código do banco'),
  lot: f(4, 7, 'num', 'Lote de serviço'),
  recordType: f(8, 8, 'num', 'Tipo de registro'),
} as const;

export const CNAB240_FILE_HEADER = {
  ...CNAB240_CONTROL,
  companyDocument: f(19, 32, 'num', 'CNPJ/CPF da empresa'),
  convenio: f(33, 52, 'alpha', 'Convênio'),
  agency: f(53, 57, 'num', 'Agência'),
  account: f(59, 70, 'num', 'Conta'),
  companyName: f(73, 102, 'alpha', 'Nome da empresa'),
  bankName: f(103, 132, 'alpha', 'Nome do banco'),
  /** 1 = remessa, 2 = retorno. */
  direction: f(143, 143, 'num', 'Código remessa/retorno'),
  generatedOn: f(144, 151, 'date8', 'Data de geração do arquivo'),
  sequence: f(158, 163, 'num', 'Número sequencial do arquivo (NSA)'),
  layoutVersion: f(164, 166, 'num', 'Versão do layout do arquivo'),
} as const;

export const CNAB240_LOT_HEADER = {
  ...CNAB240_CONTROL,
  operation: f(9, 9, 'alpha', 'Tipo de operação'),
  service: f(10, 11, 'num', 'Tipo de serviço'),
  convenio: f(34, 53, 'alpha', 'Convênio'),
  returnNumber: f(184, 191, 'num', 'Número do retorno'),
  recordedOn: f(192, 199, 'date8', 'Data de gravação'),
  creditDate: f(200, 207, 'date8', 'Data do crédito'),
} as const;

/** Detail records (type 3): sequence in the lot 9–13, segment letter 14, movement code 16–17. */
export const CNAB240_DETAIL = {
  ...CNAB240_CONTROL,
  sequenceInLot: f(9, 13, 'num', 'Nº sequencial do registro no lote'),
  segment: f(14, 14, 'alpha', 'Código do segmento'),
  movementCode: f(16, 17, 'num', 'Código de movimento'),
} as const;

export const CNAB240_SEGMENT_T = {
  ...CNAB240_DETAIL,
  nossoNumero: f(38, 57, 'alpha', 'Nosso número'),
  wallet: f(58, 58, 'num', 'Carteira'),
  documentNumber: f(59, 73, 'alpha', 'Número do documento'),
  dueDate: f(74, 81, 'date8', 'Vencimento'),
  nominalCents: f(82, 96, 'cents', 'Valor nominal'),
  collectingBank: f(97, 99, 'num', 'Banco cobrador'),
  companyRef: f(106, 130, 'alpha', 'Identificação do título na empresa'),
  payerDocument: f(134, 148, 'num', 'CNPJ/CPF do pagador'),
  payerName: f(149, 188, 'alpha', 'Nome do pagador'),
  feeCents: f(199, 213, 'cents', 'Valor da tarifa/custas'),
  reasons: f(214, 223, 'alpha', 'Motivos da ocorrência'),
} as const;

export type Cnab240SegmentTLayout = { readonly [K in keyof typeof CNAB240_SEGMENT_T]: FieldSpec };

/**
 * Santander's segment T (its CNAB 240 manual, as read by ACBr and laravel-boleto): agency and account at 18–32,
 * a 13-digit nosso número at 41–53, and every field after it four columns earlier than FEBRABAN's.
 */
const SANTANDER_SEGMENT_T: Cnab240SegmentTLayout = {
  ...CNAB240_SEGMENT_T,
  nossoNumero: f(41, 53, 'alpha', 'Nosso número'),
  wallet: f(54, 54, 'num', 'Carteira'),
  documentNumber: f(55, 69, 'alpha', 'Número do documento'),
  dueDate: f(70, 77, 'date8', 'Vencimento'),
  nominalCents: f(78, 92, 'cents', 'Valor nominal'),
  collectingBank: f(93, 95, 'num', 'Banco cobrador'),
  companyRef: f(101, 125, 'alpha', 'Identificação do título na empresa'),
  payerDocument: f(129, 143, 'num', 'CNPJ/CPF do pagador'),
  payerName: f(144, 183, 'alpha', 'Nome do pagador'),
  feeCents: f(194, 208, 'cents', 'Valor da tarifa/custas'),
  reasons: f(209, 218, 'alpha', 'Motivos da ocorrência'),
};

const SEGMENT_T_BY_BANK: Readonly<Record<string, Cnab240SegmentTLayout>> = { '033': SANTANDER_SEGMENT_T };

/** The segment T columns of a bank's return file. */
export function cnab240SegmentT(bank: string): Cnab240SegmentTLayout {
  return SEGMENT_T_BY_BANK[bank] ?? CNAB240_SEGMENT_T;
}

export const CNAB240_SEGMENT_U = {
  ...CNAB240_DETAIL,
  chargesCents: f(18, 32, 'cents', 'Juros/multa/encargos'),
  discountCents: f(33, 47, 'cents', 'Desconto concedido'),
  rebateCents: f(48, 62, 'cents', 'Abatimento concedido'),
  iofCents: f(63, 77, 'cents', 'IOF recolhido'),
  paidCents: f(78, 92, 'cents', 'Valor pago'),
  netCreditCents: f(93, 107, 'cents', 'Valor líquido creditado'),
  otherExpensesCents: f(108, 122, 'cents', 'Outras despesas'),
  otherCreditsCents: f(123, 137, 'cents', 'Outros créditos'),
  occurrenceDate: f(138, 145, 'date8', 'Data da ocorrência'),
  creditDate: f(146, 153, 'date8', 'Data do crédito'),
} as const;

export const CNAB240_LOT_TRAILER = {
  ...CNAB240_CONTROL,
  /** Records in the lot, its header and trailer included. */
  recordCount: f(18, 23, 'num', 'Quantidade de registros do lote'),
  simpleCount: f(24, 29, 'num', 'Quantidade de títulos em cobrança simples'),
  simpleCents: f(30, 46, 'cents', 'Valor dos títulos em cobrança simples'),
  linkedCount: f(47, 52, 'num', 'Quantidade de títulos em cobrança vinculada'),
  linkedCents: f(53, 69, 'cents', 'Valor dos títulos em cobrança vinculada'),
  pledgedCount: f(70, 75, 'num', 'Quantidade de títulos em cobrança caucionada'),
  pledgedCents: f(76, 92, 'cents', 'Valor dos títulos em cobrança caucionada'),
  discountedCount: f(93, 98, 'num', 'Quantidade de títulos em cobrança descontada'),
  discountedCents: f(99, 115, 'cents', 'Valor dos títulos em cobrança descontada'),
} as const;

export const CNAB240_FILE_TRAILER = {
  ...CNAB240_CONTROL,
  lotCount: f(18, 23, 'num', 'Quantidade de lotes do arquivo'),
  recordCount: f(24, 29, 'num', 'Quantidade de registros do arquivo'),
} as const;

/** Record types at column 8. */
export const CNAB240_RECORD = { fileHeader: 0, lotHeader: 1, detail: 3, lotTrailer: 5, fileTrailer: 9 } as const;
