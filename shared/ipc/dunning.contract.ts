/** The régua de cobrança (issue 5): ladders and templates, pauses, the clerk's queue and the outbox. */
import type { DayKind, PayerCondition, StepChannel } from '../domain/dunning';
import type { RiskClass } from '../domain/risk';
import type { ContactWindow } from '../domain/contact-hours';
import type { SmtpSecurity } from '../domain/smtp-security';
import type { CsvFile } from './contract';
import type { PdfFile } from './credit.contract';
import type { Params } from './schemas';

export type { DayKind, PayerCondition, RiskClass, StepChannel };
export type TaskType = 'call' | 'whatsapp' | 'sms' | 'letter' | 'internal' | 'fix_contact';
export type TaskOutcome = 'reached' | 'not_reached' | 'promise' | 'done' | 'not_needed';
export type DelayReason = 'financial_difficulty' | 'forgot' | 'delivery_problem' | 'strategic';
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';
export type MessageChannel = 'email' | 'whatsapp' | 'sms';

export interface StepView {
  id: number;
  ladderId: number;
  name: string;
  offsetDays: number;
  dayKind: DayKind;
  channel: StepChannel;
  templateId: number | null;
  automatic: boolean;
  minAmountCents: number;
  segment: string | null;
  /** Only late payers / everyone but good payers (credit score behaviour); null = all. */
  payerCondition: PayerCondition | null;
  /** Only customers of this risk class or worse; null = all. */
  riskClassFrom: RiskClass | null;
  active: boolean;
}

export interface LadderView {
  id: number;
  name: string;
  isDefault: boolean;
  /** Segments assigned to this ladder. */
  segments: string[];
  steps: StepView[];
}

export interface TemplateView {
  id: number;
  name: string;
  channel: StepChannel;
  subject: string;
  body: string;
}

export interface LaddersResult {
  ladders: LadderView[];
  templates: TemplateView[];
  placeholders: readonly string[];
}

export interface MessagePreview {
  subject: string;
  text: string;
  html: string;
  updatedTotalCents: number;
  invoiceCount: number;
  /** Why the preview may differ from a real message (no open títulos, company not configured …). */
  warnings: string[];
}

export interface PauseView {
  id: number;
  customerId: number;
  customerName: string;
  invoiceId: number | null;
  reason: string;
  untilDate: string | null;
  createdAt: string;
  createdBy: string;
}

export interface JobRunView {
  id: number;
  jobName: string;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'ok' | 'failed';
  summary: string | null;
  error: string | null;
}

export interface RunNowResult {
  runs: JobRunView[];
}

/** A UF's contact hours set by the company; index 0 = Sunday … 6 = Saturday, null = no contact that day. */
export interface UfContactHours {
  uf: string;
  byWeekday: (ContactWindow | null)[];
}

export interface DunningSettingsView {
  clerkName: string;
  maxContactsPerDay: number;
  maxContactsPerWeek: number;
  maxCatchUpDays: number;
  smtp: {
    host: string;
    port: number;
    security: SmtpSecurity;
    user: string | null;
    fromEmail: string;
    fromName: string;
  } | null;
  hasSmtpPassword: boolean;
  gateway: { url: string; authHeaderName: string | null; bodyTemplate: string } | null;
  hasGatewayAuthValue: boolean;
  /** UFs with their own contact hours; the others follow the law built in (SP by default, RJ's own). */
  contactHours: UfContactHours[];
  /**
   * Where the secrets live: 'electron-safe-storage' on the desktop (encrypted by the OS); 'memory' in browser
   * mode (`npm run web`), tests, or a desktop without a keyring: only in the running process, lost on restart.
   */
  secretStorage: string;
}

export interface TaskView {
  id: number;
  type: TaskType;
  customerId: number;
  customerName: string;
  stepName: string | null;
  title: string;
  messageText: string | null;
  link: string | null;
  amountCents: number;
  daysOverdue: number;
  priority: number;
  dueDate: string;
  status: 'open' | 'done' | 'cancelled';
  phone: string | null;
}

export interface QueueResult {
  rows: TaskView[];
  total: number;
  asOf: string;
}

export interface OutboxRow {
  id: number;
  customerId: number;
  customerName: string;
  stepName: string | null;
  channel: MessageChannel;
  toAddress: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface OutboxListResult {
  rows: OutboxRow[];
  total: number;
  counts: Record<OutboxStatus, number>;
}

/** Which step works: contacts per step and channel and what was paid after them. */
export interface StepEffectiveness {
  stepId: number;
  stepName: string;
  offsetDays: number;
  channel: StepChannel;
  /** Messages sent and tasks done. */
  contacts: number;
  /** Títulos those contacts covered. */
  titulos: number;
  /** Of those, the ones whose 3/7/15 days after the contact have all passed by `until` (the cohort of each column). */
  eligible3: number;
  eligible7: number;
  eligible15: number;
  /** Of the eligible títulos of each column, the ones settled within 3/7/15 days of the contact. */
  paidWithin3: number;
  paidWithin7: number;
  paidWithin15: number;
  /** Paid on those títulos within 15 days of the contact, so far (up to `until`, window elapsed or not). */
  recoveredCents: number;
}

export interface EffectivenessResult {
  /** Contacts made from `since` to `until` (both included); payments count up to `until`. */
  since: string;
  until: string;
  rows: StepEffectiveness[];
}

export interface DunningApi {
  'dunning.ladders.list': { params: Params<'dunning.ladders.list'>; result: LaddersResult };
  'dunning.steps.save': { params: Params<'dunning.steps.save'>; result: StepView };
  'dunning.templates.save': { params: Params<'dunning.templates.save'>; result: TemplateView };
  'dunning.preview': { params: Params<'dunning.preview'>; result: MessagePreview };
  'dunning.assign': { params: Params<'dunning.assign'>; result: { customerId: number; ladderId: number | null } };
  'dunning.pause': { params: Params<'dunning.pause'>; result: PauseView };
  'dunning.resume': { params: Params<'dunning.resume'>; result: { lifted: number } };
  'dunning.pauses.list': { params: Params<'dunning.pauses.list'>; result: PauseView[] };
  'dunning.runNow': { params: Params<'dunning.runNow'>; result: RunNowResult };
  'dunning.effectiveness': { params: Params<'dunning.effectiveness'>; result: EffectivenessResult };
  /** The same table as a CSV for a spreadsheet (pt-BR Excel: `;`, decimal comma). */
  'dunning.effectivenessCsv': { params: Params<'dunning.effectivenessCsv'>; result: CsvFile };
  'dunning.settings.get': { params: Params<'dunning.settings.get'>; result: DunningSettingsView };
  'dunning.settings.save': { params: Params<'dunning.settings.save'>; result: DunningSettingsView };
  'queue.list': { params: Params<'queue.list'>; result: QueueResult };
  'queue.complete': { params: Params<'queue.complete'>; result: TaskView };
  'queue.snooze': { params: Params<'queue.snooze'>; result: TaskView };
  /** Today's letters to print, one per page, as a PDF (null when there is none). */
  'queue.lettersPdf': { params: Params<'queue.lettersPdf'>; result: PdfFile | null };
  'outbox.list': { params: Params<'outbox.list'>; result: OutboxListResult };
  'outbox.retry': { params: Params<'outbox.retry'>; result: OutboxRow };
}

/** Tables the régua writes (announced in data.changed). */
export type DunningTable = 'dunning_ladders' | 'dunning_steps' | 'dunning_templates' | 'dunning_pauses' | 'dunning_tasks' | 'outbox_messages' | 'job_runs';
