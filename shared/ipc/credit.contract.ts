/** Credit analysis (issue 7): risk scores with reasons, weights, back-test, policy per class, lists. */
import type { DecileRow } from '../domain/backtest';
import type { ChecklistItem, ClassPolicy, CommercialReference, CreditPolicy, LimitReview, SalesVerdict, Words } from '../domain/credit';
import type { NegativacaoAlertKind, NegativacaoKind, NegativacaoStatus } from '../domain/negativacao';
import type { BehaviourClass, RiskClass, RiskFeatures, RiskReason, RiskWeights } from '../domain/risk';
import type { CsvFile } from './contract';
import type { Params } from './schemas';

export type CreditTable = 'credit_scores' | 'credit_bureau_scores' | 'negativacoes' | 'credit_analyses';

export type ClassCounts = Record<RiskClass, number>;

export interface BureauScore {
  score: number;
  bureau: string;
  consultedOn: string;
  enteredBy: string;
  enteredAt: string;
}

export interface CustomerRisk {
  customerId: number;
  score: number;
  riskClass: RiskClass;
  behaviour: BehaviourClass;
  /** Largest |points| first; 500 + Σ points = score. */
  reasons: RiskReason[];
  features: RiskFeatures;
  /** The date the history was read as of, and when it was computed (null: computed now, not stored). */
  asOf: string;
  computedAt: string | null;
  bureau: BureauScore | null;
  policy: ClassPolicy;
  verdict: SalesVerdict;
}

export interface CreditOverview {
  asOf: string;
  lastComputed: { asOf: string; computedAt: string } | null;
  scored: number;
  distribution: ClassCounts;
  weights: RiskWeights;
  defaultWeights: RiskWeights;
}

export interface RecomputeResult {
  scored: number;
  asOf: string;
  computedAt: string;
  distribution: ClassCounts;
}

export interface WeightsPreview {
  scored: number;
  current: ClassCounts;
  draft: ClassCounts;
}

export interface BacktestResult {
  asOf: string;
  horizonEnd: string;
  badDays: number;
  /** Customers scored (registered with history by asOf, not already in default). */
  population: number;
  bads: number;
  excludedAlreadyBad: number;
  auc: number | null;
  ks: number | null;
  deciles: DecileRow[];
}

export interface ReviewRow {
  customerId: number;
  legalName: string;
  document: string;
  score: number;
  riskClass: RiskClass;
  creditLimitCents: number;
  exposureCents: number;
  review: LimitReview;
}

export interface BlockedRow {
  customerId: number;
  legalName: string;
  document: string;
  salesRep: string | null;
  city: string | null;
  uf: string | null;
  score: number;
  riskClass: RiskClass;
  overdueCents: number;
  oldestOverdueDays: number | null;
  verdict: SalesVerdict;
}

export interface NegativacaoCandidate {
  invoiceId: number;
  customerId: number;
  legalName: string;
  document: string;
  documentNumber: string;
  dueDate: string;
  daysOverdue: number;
  openCents: number;
  /** The address the notice letter goes to, one line. */
  address: string;
}

export interface NegativacaoRecord {
  id: number;
  kind: NegativacaoKind;
  customerId: number;
  invoiceId: number;
  status: NegativacaoStatus;
  amountCents: number;
  dueDate: string;
  addressUsed: string;
  authorizedBy: string;
  authorizedAt: string;
  sentOn: string | null;
  inscribedOn: string | null;
  protocol: string | null;
  /** Date the título was paid in full (null while open) and the removal deadline it sets. */
  paidInFullOn: string | null;
  removalDueOn: string | null;
  removalRequestedOn: string | null;
  removedOn: string | null;
  /** Last day the record may exist (5 years from the due date). */
  recordLimitOn: string;
  alert: NegativacaoAlertKind | null;
  nextStatuses: NegativacaoStatus[];
  updatedBy: string;
  updatedAt: string;
  legalName: string;
  document: string;
  documentNumber: string;
}

export interface CreditAnalysis {
  id: number;
  customerId: number;
  legalName: string;
  requestedLimitCents: number;
  bureauScore: number | null;
  checklist: Record<ChecklistItem, boolean>;
  references: CommercialReference[];
  provisionalClass: RiskClass;
  suggestedLimitCents: number;
  suggestionReasons: Words[];
  status: 'pending' | 'awaiting_second_approval' | 'approved' | 'rejected';
  decidedLimitCents: number | null;
  decisionNote: string | null;
  decidedBy: string | null;
  /** The deciding user's id (null with nobody logged in, and on analyses from before 0013). */
  decidedByUserId: number | null;
  decidedAt: string | null;
  secondApprover: string | null;
  secondApproverUserId: number | null;
  secondApprovedAt: string | null;
  /** Decisions above this need a second approver. */
  secondApprovalAboveCents: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A binary file for `platform.saveFile`: the PDF's bytes in base64. */
export interface PdfFile {
  fileName: string;
  mimeType: 'application/pdf';
  encoding: 'base64';
  content: string;
  rowCount: number;
}

export interface CreditApi {
  'credit.overview': { params: Params<'credit.overview'>; result: CreditOverview };
  'credit.recompute': { params: Params<'credit.recompute'>; result: RecomputeResult };
  'credit.customer': { params: Params<'credit.customer'>; result: CustomerRisk };
  'credit.scoreCustomer': { params: Params<'credit.scoreCustomer'>; result: CustomerRisk };
  'credit.setBureauScore': { params: Params<'credit.setBureauScore'>; result: CustomerRisk };
  'credit.previewWeights': { params: Params<'credit.previewWeights'>; result: WeightsPreview };
  'credit.saveWeights': { params: Params<'credit.saveWeights'>; result: CreditOverview };
  'credit.backtest': { params: Params<'credit.backtest'>; result: BacktestResult };
  'credit.policy': { params: Params<'credit.policy'>; result: CreditPolicy };
  'credit.savePolicy': { params: Params<'credit.savePolicy'>; result: CreditPolicy };
  'credit.reviewList': { params: Params<'credit.reviewList'>; result: ReviewRow[] };
  'credit.blockedList': { params: Params<'credit.blockedList'>; result: BlockedRow[] };
  'credit.blockedCsv': { params: Params<'credit.blockedCsv'>; result: CsvFile };
  'credit.blockedPdf': { params: Params<'credit.blockedPdf'>; result: PdfFile };
  'creditAnalysis.create': { params: Params<'creditAnalysis.create'>; result: CreditAnalysis };
  'creditAnalysis.decide': { params: Params<'creditAnalysis.decide'>; result: CreditAnalysis };
  'creditAnalysis.secondApproval': { params: Params<'creditAnalysis.secondApproval'>; result: CreditAnalysis };
  'creditAnalysis.list': { params: Params<'creditAnalysis.list'>; result: CreditAnalysis[] };
  'negativacao.candidates': { params: Params<'negativacao.candidates'>; result: { rows: NegativacaoCandidate[]; minDaysOverdue: number } };
  'negativacao.create': { params: Params<'negativacao.create'>; result: NegativacaoRecord[] };
  'negativacao.update': { params: Params<'negativacao.update'>; result: NegativacaoRecord };
  'negativacao.list': { params: Params<'negativacao.list'>; result: NegativacaoRecord[] };
  'negativacao.alerts': { params: Params<'negativacao.alerts'>; result: NegativacaoRecord[] };
  'negativacao.exportCsv': { params: Params<'negativacao.exportCsv'>; result: CsvFile };
  'negativacao.letterPdf': { params: Params<'negativacao.letterPdf'>; result: PdfFile };
}
