// What each bank's movement ("ocorrência") code means. CNAB 240 uses FEBRABAN's table for every bank; CNAB 400
// codes are the bank's own (Caixa's 21 is a payment where everyone else's is 06; Itaú's 17 is a rejection
// where Bradesco's is a payment after write-off), so each bank has its table. Unknown codes stay `other`:
// the raw code is always kept beside the meaning.

/** The meaning that decides what Adimple does with a movement. */
export type MovementKind = 'settlement' | 'settlement_after_write_off' | 'registered' | 'rejected' | 'write_off' | 'other';

export interface MovementMeaning {
  kind: MovementKind;
  /** pt-BR, as the bank's manual names it. */
  description: string;
}

type CodeTable = Readonly<Record<string, MovementMeaning>>;

const settlement = (description: string): MovementMeaning => ({ kind: 'settlement', description });
const afterWriteOff = (description: string): MovementMeaning => ({ kind: 'settlement_after_write_off', description });
const registered = (description: string): MovementMeaning => ({ kind: 'registered', description });
const rejected = (description: string): MovementMeaning => ({ kind: 'rejected', description });
const writeOff = (description: string): MovementMeaning => ({ kind: 'write_off', description });
const other = (description: string): MovementMeaning => ({ kind: 'other', description });

/** FEBRABAN CNAB 240 v10, "código de movimento retorno" (segment T/U, positions 16–17). */
export const CNAB240_MOVEMENTS: CodeTable = {
  '02': registered('Entrada confirmada'),
  '03': rejected('Entrada rejeitada'),
  '04': other('Transferência de carteira/entrada'),
  '05': other('Transferência de carteira/baixa'),
  '06': settlement('Liquidação'),
  '07': other('Confirmação do recebimento da instrução de desconto'),
  '08': other('Confirmação do cancelamento do desconto'),
  '09': writeOff('Baixa'),
  '11': other('Título em carteira (em ser)'),
  '12': other('Confirmação de abatimento'),
  '13': other('Confirmação de cancelamento de abatimento'),
  '14': other('Confirmação de alteração de vencimento'),
  '15': other('Franco de pagamento'),
  '17': afterWriteOff('Liquidação após baixa ou de título não registrado'),
  '19': other('Confirmação da instrução de protesto'),
  '20': other('Confirmação da sustação de protesto'),
  '23': other('Remessa a cartório'),
  '24': other('Retirada de cartório e manutenção em carteira'),
  '25': writeOff('Protestado e baixado'),
  '26': rejected('Instrução rejeitada'),
  '27': other('Confirmação de alteração de outros dados'),
  '28': other('Débito de tarifas/custas'),
  '29': other('Ocorrências do pagador'),
  '30': rejected('Alteração de dados rejeitada'),
};

/** CNAB 400 tables per bank (code 109–110 of the detail record). */
export const CNAB400_MOVEMENTS: Readonly<Record<string, CodeTable>> = {
  // Banco do Brasil, CBR643.
  '001': {
    '02': registered('Confirmação de entrada do título'),
    '03': rejected('Comando recusado'),
    '05': settlement('Liquidado sem registro'),
    '06': settlement('Liquidação normal'),
    '07': settlement('Liquidação por conta'),
    '08': settlement('Liquidação por saldo'),
    '09': writeOff('Baixa de título'),
    '10': writeOff('Baixa solicitada'),
    '15': settlement('Liquidação em cartório'),
    '19': other('Confirmação de instrução de protesto'),
    '20': other('Débito em conta'),
    '23': other('Encaminhado a cartório'),
    '28': other('Manutenção de título vencido (tarifa)'),
    '46': other('Pago com cheque, aguardando compensação'),
    '96': other('Despesas de protesto'),
    '98': other('Débito de custas antecipadas'),
  },
  // Santander, cobrança 400.
  '033': {
    '01': rejected('Título não existe'),
    '02': registered('Entrada de título confirmada'),
    '03': rejected('Entrada de título rejeitada'),
    '06': settlement('Liquidação'),
    '07': settlement('Liquidação por conta'),
    '08': settlement('Liquidação por saldo'),
    '09': writeOff('Baixa automática'),
    '10': writeOff('Título baixado conforme instrução'),
    '11': other('Em ser'),
    '12': other('Abatimento concedido'),
    '14': other('Prorrogação de vencimento'),
    '15': other('Enviado para cartório'),
    '16': rejected('Título já baixado ou liquidado'),
    '17': settlement('Liquidado em cartório'),
    '21': other('Entrada em cartório'),
    '24': other('Custas de cartório'),
  },
  // Caixa, SIGCB 400.
  '104': {
    '01': registered('Entrada confirmada'),
    '02': writeOff('Baixa manual confirmada'),
    '03': other('Abatimento concedido'),
    '05': other('Vencimento alterado'),
    '20': other('Em ser'),
    '21': settlement('Liquidação'),
    '22': settlement('Liquidação em cartório'),
    '23': writeOff('Baixa por devolução'),
    '25': writeOff('Baixa por protesto'),
    '26': other('Título enviado para cartório'),
    '31': other('Tarifa sobre título vencido'),
    '33': other('Estorno de baixa/liquidação'),
    '99': rejected('Rejeição do título'),
  },
  // Bradesco, cobrança 400.
  '237': {
    '02': registered('Entrada confirmada'),
    '03': rejected('Entrada rejeitada'),
    '06': settlement('Liquidação normal'),
    '09': writeOff('Baixado automaticamente via arquivo'),
    '10': writeOff('Baixado conforme instruções da agência'),
    '12': other('Abatimento concedido'),
    '14': other('Vencimento alterado'),
    '15': settlement('Liquidação em cartório'),
    '16': other('Título pago em cheque vinculado'),
    '17': afterWriteOff('Liquidação após baixa ou título não registrado'),
    '19': other('Confirmação de instrução de protesto'),
    '23': other('Entrada do título em cartório'),
    '24': rejected('Entrada rejeitada por CEP irregular'),
    '27': rejected('Baixa rejeitada'),
    '28': other('Débito de tarifas/custas'),
    '30': rejected('Alteração de outros dados rejeitada'),
    '32': rejected('Instrução rejeitada'),
  },
  // Itaú, cobrança 400.
  '341': {
    '02': registered('Entrada confirmada'),
    '03': rejected('Entrada rejeitada'),
    '06': settlement('Liquidação normal'),
    '07': settlement('Liquidação parcial'),
    '08': settlement('Liquidação em cartório'),
    '09': writeOff('Baixa simples'),
    '10': other('Baixa por ter sido liquidado'),
    '14': other('Alteração de vencimento'),
    '15': rejected('Baixa rejeitada'),
    '16': rejected('Instrução rejeitada'),
    '17': rejected('Alteração ou exclusão de dados rejeitada'),
    '28': other('Tarifa de cobrança'),
  },
  // Sicoob, cobrança 400.
  '756': {
    '02': registered('Confirmação de entrada do título'),
    '03': rejected('Comando recusado'),
    '05': settlement('Liquidação sem registro'),
    '06': settlement('Liquidação normal'),
    '09': writeOff('Baixa de título'),
    '10': writeOff('Baixa solicitada'),
    '11': other('Títulos em ser'),
    '14': other('Alteração de vencimento'),
    '15': settlement('Liquidação em cartório'),
    '23': other('Encaminhado a protesto'),
    '26': rejected('Instrução rejeitada'),
    '28': other('Manutenção de título vencido'),
    '30': rejected('Alteração de dados rejeitada'),
  },
};

export function movementMeaning(table: CodeTable, code: string): MovementMeaning {
  return table[code] ?? other(`Ocorrência ${code} (código não mapeado)`);
}

/** Movements that bring money in: Adimple records a payment for them. */
export function isPayment(kind: MovementKind): boolean {
  return kind === 'settlement' || kind === 'settlement_after_write_off';
}
