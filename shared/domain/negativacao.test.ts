import { describe, expect, it } from 'vitest';
import { createBankCalendar } from './bank-calendar';
import { NEXT_STATUSES, alertFor, gateFailures, recordLimitDate, removalDueDate, type GateInput } from './negativacao';

const ok: GateInput = {
  asOf: '2026-11-25',
  dueDate: '2026-09-01',
  openCents: 100_00,
  invoiceStatus: 'open',
  disputed: false,
  restructured: false,
  address: { street: 'Rua das Flores', streetNumber: '10', city: 'Campinas', uf: 'SP', postalCode: '13010000' },
  minDaysOverdue: 45,
};

describe('gateFailures', () => {
  it('a título overdue long enough, undisputed, with a full address passes', () => {
    expect(gateFailures(ok)).toEqual([]);
  });
  it('a disputed título never passes, whether by status or by an open dispute', () => {
    expect(gateFailures({ ...ok, disputed: true }).map((f) => f.pt)).toEqual(['título contestado pelo cliente']);
    expect(gateFailures({ ...ok, invoiceStatus: 'disputed' }).map((f) => f.pt)).toEqual(['título contestado pelo cliente']);
  });
  it('restructuring, an incomplete address, too few days, nothing open and the 5-year limit each fail with words', () => {
    expect(gateFailures({ ...ok, restructured: true })[0]!.pt).toBe('título em acordo ou renegociado');
    expect(gateFailures({ ...ok, address: { ...ok.address, postalCode: '1301' } })[0]!.pt).toContain('endereço incompleto');
    expect(gateFailures({ ...ok, dueDate: '2026-10-20' })[0]!.pt).toBe('vencido há 36 dias (mínimo 45)');
    expect(gateFailures({ ...ok, openCents: 0 })[0]!.pt).toBe('título sem saldo em aberto');
    expect(gateFailures({ ...ok, dueDate: '2021-11-24' }).map((f) => f.pt)).toEqual(['mais de 5 anos desde o vencimento']);
    expect(gateFailures({ ...ok, dueDate: '2021-11-25' })).toEqual([]);
  });
});

describe('removalDueDate (Súmula 548: 5 business days after full payment)', () => {
  const sp = createBankCalendar('SP');
  it('skips the 20 November holiday and the weekend', () => {
    expect(removalDueDate('2026-11-19', sp)).toBe('2026-11-27');
  });
  it('skips Christmas, 31 December (no bank service) and New Year', () => {
    expect(removalDueDate('2026-12-23', sp)).toBe('2027-01-04');
  });
  it('skips Carnival Monday and Tuesday', () => {
    expect(removalDueDate('2027-02-05', sp)).toBe('2027-02-16');
  });
});

describe('alerts and the status flow', () => {
  it('a paid live record asks for removal, late after the deadline; an old one is about to expire', () => {
    const paid = { status: 'inscribed' as const, dueDate: '2026-01-10', paidInFullOn: '2026-11-19', removalDueOn: '2026-11-27' };
    expect(alertFor(paid, '2026-11-25')).toBe('removal_due');
    expect(alertFor(paid, '2026-11-28')).toBe('removal_late');
    expect(alertFor({ ...paid, status: 'removal_requested' }, '2026-11-28')).toBeNull();
    expect(alertFor({ status: 'inscribed', dueDate: '2021-12-10', paidInFullOn: null, removalDueOn: null }, '2026-11-25')).toBe('record_expiring');
    expect(alertFor({ status: 'inscribed', dueDate: '2025-12-10', paidInFullOn: null, removalDueOn: null }, '2026-11-25')).toBeNull();
    expect(recordLimitDate('2024-02-29')).toBe('2029-02-28');
  });
  it('removed is final; inscribed can only go to removal requested', () => {
    expect(NEXT_STATUSES.removed).toEqual([]);
    expect(NEXT_STATUSES.inscribed).toEqual(['removal_requested']);
  });
});
