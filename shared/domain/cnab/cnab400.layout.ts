// CNAB 400 return files ("retorno de cobrança"), one layout per bank. The frame is common (header type 0 with
// "RETORNO" at 3–9 and the bank at 77–79, details, trailer type 9, a record sequence at 395–400, movement code
// 109–110, amount paid 254–266, charges 267–279); where the agreement, the nosso número, the company's own id
// and the credit date sit differs by bank, from each bank's published manual.
import { f, type FieldSpec } from './layout';

export const CNAB400_LINE_LENGTH = 400;

export type Cnab400Bank = '001' | '033' | '104' | '237' | '341' | '756';

export const CNAB400_COMMON = {
  recordType: f(1, 1, 'num', 'Tipo de registro'),
  /** Every record's position in the file, 1 for the header. */
  recordSequence: f(395, 400, 'num', 'Número sequencial do registro'),
} as const;

export const CNAB400_HEADER = {
  ...CNAB400_COMMON,
  direction: f(2, 2, 'num', 'Identificação do arquivo retorno'),
  literal: f(3, 9, 'alpha', 'Literal RETORNO'),
  companyName: f(47, 76, 'alpha', 'Nome da empresa'),
  bank: f(77, 79, 'num', 'Código do banco'),
  bankName: f(80, 94, 'alpha', 'Nome do banco'),
  generatedOn: f(95, 100, 'date6', 'Data de gravação do arquivo'),
} as const;

/** Fields every bank has in the detail record, at the same columns. */
const DETAIL_COMMON = {
  ...CNAB400_COMMON,
  movementCode: f(109, 110, 'num', 'Código de ocorrência'),
  occurrenceDate: f(111, 116, 'date6', 'Data da ocorrência'),
  documentNumber: f(117, 126, 'alpha', 'Número do documento (seu número)'),
  dueDate: f(147, 152, 'date6', 'Vencimento'),
  nominalCents: f(153, 165, 'cents', 'Valor do título'),
  rebateCents: f(228, 240, 'cents', 'Abatimento concedido'),
  discountCents: f(241, 253, 'cents', 'Desconto concedido'),
  paidCents: f(254, 266, 'cents', 'Valor pago'),
  chargesCents: f(267, 279, 'cents', 'Juros de mora/multa'),
} as const;

export interface Cnab400Detail {
  recordType: FieldSpec;
  recordSequence: FieldSpec;
  movementCode: FieldSpec;
  occurrenceDate: FieldSpec;
  documentNumber: FieldSpec;
  dueDate: FieldSpec;
  nominalCents: FieldSpec;
  rebateCents: FieldSpec;
  discountCents: FieldSpec;
  paidCents: FieldSpec;
  chargesCents: FieldSpec;
  companyRef: FieldSpec;
  nossoNumero: FieldSpec;
  feeCents: FieldSpec;
  creditDate: FieldSpec;
}

export interface Cnab400BankLayout {
  bank: Cnab400Bank;
  name: string;
  /** Detail record types this bank sends (BB: 7 for 7-digit agreements, 1 for 6-digit ones). */
  detailTypes: readonly number[];
  header: {
    /** The agreement ("convênio" / código do beneficiário) that identifies the company's account. */
    convenio: FieldSpec;
    /** The file sequence number (NSA); null where Adimple does not rely on one and the content hash alone
     * guards against importing a file twice. */
    sequence: FieldSpec | null;
    /** Where the agreement sits when `convenio` is blank or zero (BB files of 6-digit convênios: 41–46). */
    shortConvenio?: FieldSpec;
  };
  detail: Cnab400Detail;
  /** Detail record types whose columns differ from `detail` (BB type 1, for 6-digit convênios). */
  detailByType?: Readonly<Record<number, Cnab400Detail>>;
}

const convenio = (start: number, end: number) => f(start, end, 'alpha', 'Convênio/código do beneficiário');
const sequence = (start: number, end: number) => f(start, end, 'num', 'Número sequencial do arquivo de retorno');
const companyRef = (start: number, end: number) => f(start, end, 'alpha', 'Uso da empresa (nº de controle do participante)');
const nossoNumero = (start: number, end: number) => f(start, end, 'alpha', 'Nosso número');
const fee = (start: number, end: number) => f(start, end, 'cents', 'Tarifa de cobrança');
const creditDate = (start: number, end: number) => f(start, end, 'date6', 'Data do crédito');

/** BB and Sicoob put the credit date at 176–181 and a 7-digit fee at 182–188. */
const BB_STYLE_DETAIL = { ...DETAIL_COMMON, creditDate: creditDate(176, 181), feeCents: fee(182, 188) };

export const CNAB400_LAYOUTS: Readonly<Record<Cnab400Bank, Cnab400BankLayout>> = {
  '001': {
    bank: '001',
    name: 'Banco do Brasil',
    detailTypes: [7, 1],
    header: { convenio: convenio(150, 156), sequence: sequence(101, 107), shortConvenio: convenio(41, 46) },
    // Type 7 (7-digit convênio): the convênio at 32–38, then the company's id and a 17-digit nosso número.
    detail: { ...BB_STYLE_DETAIL, companyRef: companyRef(39, 63), nossoNumero: nossoNumero(64, 80) },
    // Type 1 (6-digit convênio): the convênio at 32–37, so both fields start one column earlier; the
    // nosso número has 11 digits (63–73) and its check digit at 74.
    detailByType: { 1: { ...BB_STYLE_DETAIL, companyRef: companyRef(38, 62), nossoNumero: nossoNumero(63, 73) } },
  },
  '033': {
    bank: '033',
    name: 'Santander',
    detailTypes: [1],
    header: { convenio: convenio(27, 46), sequence: null },
    detail: { ...DETAIL_COMMON, companyRef: companyRef(38, 62), nossoNumero: nossoNumero(63, 70), feeCents: fee(176, 188), creditDate: creditDate(296, 301) },
  },
  '104': {
    bank: '104',
    name: 'Caixa Econômica Federal',
    detailTypes: [1],
    header: { convenio: convenio(27, 36), sequence: sequence(390, 394) },
    detail: { ...DETAIL_COMMON, companyRef: companyRef(32, 56), nossoNumero: nossoNumero(59, 73), feeCents: fee(176, 188), creditDate: creditDate(294, 299) },
  },
  '237': {
    bank: '237',
    name: 'Bradesco',
    detailTypes: [1],
    header: { convenio: convenio(27, 46), sequence: sequence(109, 113) },
    // Nosso número 71–81 plus its check digit at 82.
    detail: { ...DETAIL_COMMON, companyRef: companyRef(38, 62), nossoNumero: nossoNumero(71, 81), feeCents: fee(176, 188), creditDate: creditDate(296, 301) },
  },
  '341': {
    bank: '341',
    name: 'Itaú',
    detailTypes: [1],
    header: { convenio: convenio(27, 38), sequence: sequence(109, 113) },
    detail: { ...DETAIL_COMMON, companyRef: companyRef(38, 62), nossoNumero: nossoNumero(63, 70), feeCents: fee(176, 188), creditDate: creditDate(296, 301) },
  },
  '756': {
    bank: '756',
    name: 'Sicoob',
    detailTypes: [1],
    header: { convenio: convenio(27, 40), sequence: sequence(101, 107) },
    // Nosso número 63–73 without its check digit at 74, as Bradesco's and Itaú's are read.
    detail: { ...BB_STYLE_DETAIL, companyRef: companyRef(38, 62), nossoNumero: nossoNumero(63, 73) },
  },
};

export function isCnab400Bank(code: string): code is Cnab400Bank {
  return Object.hasOwn(CNAB400_LAYOUTS, code);
}

export const CNAB400_TRAILER_TYPE = 9;
