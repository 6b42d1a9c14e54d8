// Collection activity report: the contacts with debtors logged in activity_log in a period, by clerk, channel and
// outcome. A contact is a message the régua sent or failed to send, or a contact task a clerk completed; the
// other log entries (notes, settings, imports) are not contacts.
import type { Content } from 'pdfmake/interfaces';
import { addDays } from '../../../shared/domain/dates';
import type { Db } from '../db/connection';
import { toCsv } from './csv';
import { integerBr } from './pdf/format';
import { dataTable, sectionTitle, spanRow, textCell, type TableColumn, type TableRow } from './pdf/kit';

const CONTACT_ACTIONS = ['dunning.message_sent', 'dunning.message_failed', 'dunning.task_done'] as const;
type ContactAction = (typeof CONTACT_ACTIONS)[number];

const CHANNEL_LABELS: Record<string, string> = {
  email: 'E-mail',
  whatsapp: 'WhatsApp',
  sms: 'SMS',
  phone: 'Telefone',
  call: 'Telefone',
  letter: 'Carta',
};

const OUTCOME_LABELS: Record<string, string> = {
  sent: 'Mensagem enviada',
  failed: 'Envio falhou',
  reached: 'Falou com o cliente',
  not_reached: 'Não atendeu',
  promise: 'Promessa de pagamento',
  done: 'Concluído',
  not_needed: 'Não foi necessário',
};

/** Task types that are not a contact with the debtor. */
const NOT_CONTACT_TASKS = new Set(['internal', 'fix_contact']);

interface ActivityDbRow {
  actor: string;
  action: ContactAction;
  customerId: number | null;
  channel: string | null;
  taskType: string | null;
  outcome: string | null;
  toAddress: string | null;
}

export interface ActivityGroup {
  clerk: string;
  channel: string;
  outcome: string;
  contacts: number;
  customers: number;
}

export interface ActivitySummary {
  groups: ActivityGroup[];
  /** Per clerk: contacts and distinct customers (a customer counts once per clerk). */
  byClerk: { clerk: string; contacts: number; customers: number }[];
  totalContacts: number;
  totalCustomers: number;
}

/** [from 00:00, to + 1 day 00:00) in São Paulo (UTC−3 all year since 2019) as UTC instants, as activity_log stores them. */
function periodBounds(from: string, to: string): { start: string; end: string } {
  return { start: `${from}T03:00:00.000Z`, end: `${addDays(to, 1)}T03:00:00.000Z` };
}

function contactOf(r: ActivityDbRow): { channel: string; outcome: string } | null {
  if (r.action === 'dunning.task_done') {
    if (r.taskType === null || NOT_CONTACT_TASKS.has(r.taskType)) return null;
    return { channel: CHANNEL_LABELS[r.taskType] ?? r.taskType, outcome: OUTCOME_LABELS[r.outcome ?? ''] ?? r.outcome ?? '—' };
  }
  // A failed message may not name its channel; its address tells e-mail from a phone number.
  const channel = r.channel ?? (r.toAddress?.includes('@') ? 'email' : null);
  const outcome = r.action === 'dunning.message_sent' ? 'sent' : 'failed';
  return { channel: channel ? (CHANNEL_LABELS[channel] ?? channel) : 'Mensagem', outcome: OUTCOME_LABELS[outcome]! };
}

export function activitySummary(db: Db, from: string, to: string): ActivitySummary {
  const { start, end } = periodBounds(from, to);
  const rows = db
    .prepare(
      `SELECT actor, action, customer_id AS customerId,
              json_extract(details, '$.channel') AS channel, json_extract(details, '$.type') AS taskType,
              json_extract(details, '$.outcome') AS outcome, json_extract(details, '$.to') AS toAddress
       FROM activity_log
       WHERE action IN (${CONTACT_ACTIONS.map((a) => `'${a}'`).join(', ')}) AND at >= @start AND at < @end`,
    )
    .all({ start, end }) as ActivityDbRow[];

  const groups = new Map<string, ActivityGroup & { customerIds: Set<number> }>();
  const clerks = new Map<string, { contacts: number; customerIds: Set<number> }>();
  const allCustomers = new Set<number>();
  let totalContacts = 0;
  for (const r of rows) {
    const contact = contactOf(r);
    if (!contact) continue;
    const key = `${r.actor}\u0000${contact.channel}\u0000${contact.outcome}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { clerk: r.actor, ...contact, contacts: 0, customers: 0, customerIds: new Set() }));
    let c = clerks.get(r.actor);
    if (!c) clerks.set(r.actor, (c = { contacts: 0, customerIds: new Set() }));
    g.contacts++;
    c.contacts++;
    totalContacts++;
    if (r.customerId !== null) {
      g.customerIds.add(r.customerId);
      c.customerIds.add(r.customerId);
      allCustomers.add(r.customerId);
    }
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'pt-BR');
  return {
    groups: [...groups.values()]
      .map(({ customerIds, ...g }) => ({ ...g, customers: customerIds.size }))
      .sort((a, b) => byName(a.clerk, b.clerk) || byName(a.channel, b.channel) || b.contacts - a.contacts),
    byClerk: [...clerks.entries()].map(([clerk, c]) => ({ clerk, contacts: c.contacts, customers: c.customerIds.size })).sort((a, b) => byName(a.clerk, b.clerk)),
    totalContacts,
    totalCustomers: allCustomers.size,
  };
}

const clerkLabel = (actor: string) => (actor === 'régua' ? 'Régua automática' : actor);

export function activityPdfContent(s: ActivitySummary): Content[] {
  const columns: TableColumn[] = [
    { header: 'Canal', width: '*' },
    { header: 'Resultado', width: '*' },
    { header: 'Contatos', width: 60, align: 'right' },
    { header: 'Clientes', width: 60, align: 'right' },
  ];
  const rows: TableRow[] = [];
  for (const clerk of s.byClerk) {
    rows.push({ kind: 'group', cells: spanRow({ text: clerkLabel(clerk.clerk), bold: true, color: '#0f5132', colSpan: columns.length }, []) });
    for (const g of s.groups) {
      if (g.clerk !== clerk.clerk) continue;
      rows.push({ cells: [textCell(g.channel), textCell(g.outcome), textCell(integerBr(g.contacts)), textCell(integerBr(g.customers))] });
    }
    rows.push({
      kind: 'subtotal',
      cells: spanRow({ text: `Subtotal ${clerkLabel(clerk.clerk)}`, bold: true, colSpan: 2 }, [
        textCell(integerBr(clerk.contacts), { bold: true }),
        textCell(integerBr(clerk.customers), { bold: true }),
      ]),
    });
  }
  if (rows.length > 0) {
    rows.push({
      kind: 'total',
      cells: spanRow({ text: 'Total do período', bold: true, colSpan: 2 }, [
        textCell(integerBr(s.totalContacts), { bold: true }),
        textCell(integerBr(s.totalCustomers), { bold: true }),
      ]),
    });
  }

  const byOutcome = new Map<string, number>();
  for (const g of s.groups) byOutcome.set(g.outcome, (byOutcome.get(g.outcome) ?? 0) + g.contacts);
  return [
    sectionTitle('Contatos por responsável, canal e resultado'),
    dataTable({ columns, rows, emptyText: 'Nenhum contato registrado no período.' }),
    ...(byOutcome.size > 0
      ? [
          sectionTitle('Resumo por resultado'),
          dataTable({
            columns: [
              { header: 'Resultado', width: '*' },
              { header: 'Contatos', width: 60, align: 'right' },
            ],
            rows: [...byOutcome.entries()]
              .sort((a, b) => b[1] - a[1])
              .map(([outcome, n]) => ({ cells: [textCell(outcome), textCell(integerBr(n))] })),
          }),
        ]
      : []),
    {
      text: 'Contatos = mensagens da régua (enviadas ou com falha) e tarefas de contato concluídas pelos atendentes. Clientes = clientes distintos contatados.',
      fontSize: 7.5,
      color: '#5b6472',
      margin: [0, 8, 0, 0],
    },
  ];
}

export function activityCsv(s: ActivitySummary): { content: string; rowCount: number } {
  return toCsv(
    ['Responsável', 'Canal', 'Resultado', 'Contatos', 'Clientes'],
    s.groups.map((g) => [clerkLabel(g.clerk), g.channel, g.outcome, g.contacts, g.customers]),
  );
}
