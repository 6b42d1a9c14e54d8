import { describe, expect, it } from 'vitest';
import type { ReturnItem } from './parse-return';
import { bankReasonCodes, planFile, planSettlement, type InvoiceMatch, type InvoiceSnapshot } from './settle';

function item(overrides: Partial<ReturnItem> = {}): ReturnItem {
  return {
    line: 3,
    movementCode: '06',
    movementKind: 'settlement',
    movementDescription: 'Liquidação',
    nossoNumero: '123',
    documentNumber: 'NF 1',
    companyRef: '',
    dueDate: '2026-11-10',
    nominalCents: 100_000,
    paidCents: 100_000,
    chargesCents: 0,
    discountCents: 0,
    rebateCents: 0,
    feeCents: 0,
    netCreditCents: null,
    occurrenceDate: '2026-11-20',
    creditDate: '2026-11-21',
    reasons: '',
    ...overrides,
  };
}

function match(invoice: Partial<InvoiceSnapshot> = {}): InvoiceMatch {
  return { matchedBy: 'nosso_numero', invoice: { id: 1, customerId: 9, documentNumber: 'NF 1', status: 'open', openCents: 100_000, ...invoice } };
}

// formatBrl separates the symbol with a no-break space, as Intl does.
describe('planSettlement', () => {
  it('a payment of the open balance settles the título', () => {
    expect(planSettlement(item(), match())).toMatchObject({ result: 'settled', appliedCents: 100_000, chargesCents: 0, note: '' });
  });

  it('juros and multa reported by the bank are charges, not principal', () => {
    expect(planSettlement(item({ paidCents: 103_000, chargesCents: 3_000 }), match())).toMatchObject({
      result: 'settled',
      appliedCents: 100_000,
      chargesCents: 3_000,
      note: '',
    });
  });

  it('paid above the open balance: settles and counts the excess as charges (never an error)', () => {
    expect(planSettlement(item({ paidCents: 100_000 }), match({ status: 'partial', openCents: 60_000 }))).toMatchObject({
      result: 'settled',
      appliedCents: 60_000,
      chargesCents: 40_000,
    });
  });

  it('paid below the open balance: a partial payment, saying what remains and any discount the bank reports', () => {
    expect(planSettlement(item({ paidCents: 40_000 }), match())).toMatchObject({
      result: 'partial',
      appliedCents: 40_000,
      chargesCents: 0,
      note: 'Pagamento parcial: restam R$\u00a0600,00 em aberto.',
    });
    expect(planSettlement(item({ paidCents: 98_000, discountCents: 2_000 }), match()).note).toBe(
      'O banco informa desconto/abatimento de R$\u00a020,00; restam R$\u00a020,00 em aberto no título.',
    );
  });

  it('already paid, written off, not found, without value, rejected and other movements write nothing', () => {
    expect(planSettlement(item(), match({ status: 'paid', openCents: 0 }))).toMatchObject({ result: 'already_paid', appliedCents: 0 });
    expect(planSettlement(item(), match({ status: 'written_off', openCents: 0 }))).toMatchObject({ result: 'other', appliedCents: 0 });
    expect(planSettlement(item({ movementKind: 'settlement_after_write_off' }), null)).toMatchObject({ result: 'not_found', appliedCents: 0 });
    expect(planSettlement(item({ paidCents: 0 }), match())).toMatchObject({ result: 'other', appliedCents: 0 });
    expect(planSettlement(item({ movementKind: 'rejected', movementDescription: 'Entrada rejeitada' }), match())).toMatchObject({
      result: 'rejected',
      appliedCents: 0,
      note: '',
    });
    expect(planSettlement(item({ movementKind: 'write_off' }), match())).toMatchObject({ result: 'other', appliedCents: 0, note: '' });
    expect(planSettlement(item({ movementKind: 'registered' }), null)).toMatchObject({ result: 'other' });
  });

  it('a rejected or other movement carries the bank’s reason codes in its note', () => {
    expect(planSettlement(item({ movementCode: '03', movementKind: 'rejected', movementDescription: 'Entrada rejeitada', reasons: '0809      ' }), match())).toMatchObject({
      result: 'rejected',
      note: 'Motivos do banco: 08, 09.',
    });
    expect(planSettlement(item({ movementKind: 'write_off', reasons: '14' }), null)).toMatchObject({ result: 'other', note: 'Motivos do banco: 14.' });
    expect(bankReasonCodes('A1  00B2  ')).toEqual(['A1', 'B2']);
    expect(bankReasonCodes('          ')).toEqual([]);
  });
});

const DATES = { today: '2026-11-25', fileDate: '2026-11-22' };

describe('planFile', () => {
  it('a payment dated after today is not recorded, and says why; the occurrence date counts, then the credit date, then the file date', () => {
    const found = match();
    const plan = planFile(
      [
        item({ line: 3, occurrenceDate: '2026-11-26' }),
        item({ line: 5, occurrenceDate: null, creditDate: '2026-11-27' }),
        item({ line: 7, occurrenceDate: null, creditDate: null }),
      ],
      () => found,
      { today: '2026-11-25', fileDate: '2026-11-24' },
    );
    expect(plan.map((p) => [p.item.line, p.result, p.appliedCents])).toEqual([
      [3, 'other', 0],
      [5, 'other', 0],
      [7, 'settled', 100_000],
    ]);
    expect(plan[0]!.note).toBe('Pagamento com data futura (26/11/2026, hoje é 25/11/2026): não foi lançado; confira o arquivo e a data do computador.');
  });

  it('a título hit twice in one file is paid once; the second movement sees the balance the first left', () => {
    const found = match({ openCents: 100_000 });
    const plan = planFile([item({ paidCents: 30_000, line: 3 }), item({ paidCents: 70_000, line: 5 }), item({ line: 7 })], () => found, DATES);
    expect(plan.map((p) => [p.result, p.appliedCents])).toEqual([
      ['partial', 30_000],
      ['settled', 70_000],
      ['already_paid', 0],
    ]);
  });
});
