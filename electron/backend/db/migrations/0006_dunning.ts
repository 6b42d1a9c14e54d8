import type { Migration } from './index';

/**
 * The régua de cobrança: ladders of steps, message templates, ladder assignment, pauses, the outbox of
 * messages to send, the clerk's task queue and the scheduler's run log. Seeds the default pt-BR ladder
 * (DOMAIN.md "A typical B2B ladder") and its shorter variant.
 *
 * `dunning_step_log` remembers which step already acted on which título, so a second pass (or a catch-up
 * after days offline) never repeats a step; `outbox_messages.idempotency_key` and
 * `dunning_tasks.idempotency_key` are UNIQUE so a pass that runs twice cannot insert the same action twice.
 */
export const migration0006: Migration = {
  id: 6,
  name: 'dunning',
  up: `
CREATE TABLE dunning_templates (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'whatsapp', 'sms', 'phone', 'letter', 'internal')),
  subject TEXT NOT NULL DEFAULT '',
  -- Plain text with {{placeholders}}; the HTML part is derived from it with every value escaped.
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE dunning_ladders (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX dunning_ladders_one_default ON dunning_ladders(is_default) WHERE is_default = 1;

CREATE TABLE dunning_steps (
  id INTEGER PRIMARY KEY,
  ladder_id INTEGER NOT NULL REFERENCES dunning_ladders(id),
  name TEXT NOT NULL,
  -- Days from the due date: negative before (D-5), 0 on the day, positive after (D+3).
  offset_days INTEGER NOT NULL CHECK (offset_days BETWEEN -60 AND 365),
  day_kind TEXT NOT NULL DEFAULT 'calendar' CHECK (day_kind IN ('calendar', 'business')),
  channel TEXT NOT NULL CHECK (channel IN ('email', 'whatsapp', 'sms', 'phone', 'letter', 'internal')),
  template_id INTEGER REFERENCES dunning_templates(id),
  automatic INTEGER NOT NULL DEFAULT 1 CHECK (automatic IN (0, 1)),
  min_amount_cents INTEGER NOT NULL DEFAULT 0 CHECK (min_amount_cents >= 0),
  segment TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX dunning_steps_ladder ON dunning_steps(ladder_id, offset_days);

-- A ladder per segment or per customer (the customer's wins); otherwise the default ladder.
CREATE TABLE dunning_ladder_assignments (
  id INTEGER PRIMARY KEY,
  ladder_id INTEGER NOT NULL REFERENCES dunning_ladders(id),
  segment TEXT UNIQUE,
  customer_id INTEGER UNIQUE REFERENCES customers(id),
  created_at TEXT NOT NULL,
  CHECK ((segment IS NULL) <> (customer_id IS NULL))
);

CREATE TABLE dunning_pauses (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  -- NULL pauses the whole customer.
  invoice_id INTEGER REFERENCES invoices(id),
  reason TEXT NOT NULL,
  -- Last paused day (inclusive); NULL until lifted by hand.
  until_date TEXT,
  lifted_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX dunning_pauses_active ON dunning_pauses(customer_id, invoice_id) WHERE lifted_at IS NULL;

-- The dunning pass reads open títulos by due-date window: a covering partial index (repeat its WHERE).
CREATE INDEX invoices_dunning_due ON invoices(due_date, customer_id, amount_cents, paid_cents, status)
  WHERE status IN ('open', 'partial', 'disputed');

CREATE TABLE dunning_step_log (
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  step_id INTEGER NOT NULL REFERENCES dunning_steps(id),
  done_on TEXT NOT NULL,
  PRIMARY KEY (invoice_id, step_id)
) WITHOUT ROWID;

CREATE TABLE outbox_messages (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  step_id INTEGER REFERENCES dunning_steps(id),
  invoice_ids TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'whatsapp', 'sms')),
  contact_id INTEGER REFERENCES contacts(id),
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  body_text TEXT NOT NULL,
  -- The local day the contact counts for (frequency cap).
  contact_date TEXT NOT NULL,
  -- queued → sending → sent | queued (retry) | failed; queued → cancelled. A row left in 'sending' by a
  -- crash is never re-sent automatically (it may have gone out): it turns 'failed' for the clerk to check.
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  sent_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox_messages(next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_status ON outbox_messages(status, id);
CREATE INDEX outbox_customer_contact_date ON outbox_messages(customer_id, contact_date) WHERE status <> 'cancelled';

CREATE TABLE dunning_tasks (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('call', 'whatsapp', 'sms', 'letter', 'internal', 'fix_contact')),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  step_id INTEGER REFERENCES dunning_steps(id),
  invoice_ids TEXT NOT NULL DEFAULT '[]',
  title TEXT NOT NULL,
  message_text TEXT,
  link TEXT,
  amount_cents INTEGER NOT NULL DEFAULT 0,
  days_overdue INTEGER NOT NULL DEFAULT 0,
  -- Expected recovery: higher first.
  priority INTEGER NOT NULL DEFAULT 0,
  due_date TEXT NOT NULL,
  -- Whether the task is an active contact with the debtor (counts for the frequency cap).
  is_contact INTEGER NOT NULL DEFAULT 0 CHECK (is_contact IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  outcome TEXT CHECK (outcome IS NULL OR outcome IN ('reached', 'not_reached', 'promise', 'done', 'not_needed')),
  delay_reason TEXT CHECK (delay_reason IS NULL OR delay_reason IN ('financial_difficulty', 'forgot', 'delivery_problem', 'strategic')),
  promise_date TEXT,
  promise_cents INTEGER,
  note TEXT,
  done_at TEXT,
  done_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX dunning_tasks_queue ON dunning_tasks(due_date, priority DESC) WHERE status = 'open';
CREATE INDEX dunning_tasks_customer_due ON dunning_tasks(customer_id, due_date) WHERE is_contact = 1 AND status <> 'cancelled';

CREATE TABLE job_runs (
  id INTEGER PRIMARY KEY,
  job_name TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed')),
  summary TEXT,
  error TEXT
);
CREATE INDEX job_runs_name ON job_runs(job_name, id);

-- Seeds: templates, the default ladder and its shorter variant (editable; a respectful tone, creditor identified).
INSERT INTO dunning_templates (id, name, channel, subject, body, created_at, updated_at) VALUES
(1, 'Lembrete de vencimento', 'email', 'Lembrete: títulos a vencer — {{credor_nome}}',
'Olá, {{contato}}!

Passando para lembrar que os títulos abaixo de {{cliente}} vencem em breve:

{{titulos}}

Total: {{total_atualizado}}

Linha digitável do boleto: {{linha_digitavel}}
Pix copia e cola: {{pix_copia_e_cola}}

Se o pagamento já foi feito, por favor desconsidere esta mensagem.

Atenciosamente,
{{atendente}}
{{credor}}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
(2, 'Lembrete por WhatsApp', 'whatsapp', '',
'Olá, {{contato}}! Aqui é {{atendente}}, de {{credor_nome}}. Lembrete amigável: há títulos de {{cliente}} vencendo amanhã, no total de {{total_atualizado}}. Pix copia e cola: {{pix_copia_e_cola}}. Se já pagou, desconsidere. Obrigado!', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
(3, 'Vence hoje', 'email', 'Vence hoje — {{credor_nome}}',
'Olá, {{contato}}!

Hoje é o vencimento dos títulos abaixo de {{cliente}}:

{{titulos}}

Total: {{total_atualizado}}

Para facilitar, pague pelo Pix copia e cola:
{{pix_copia_e_cola}}

Ou pela linha digitável: {{linha_digitavel}}

Se o pagamento já foi feito, por favor desconsidere.

Atenciosamente,
{{atendente}}
{{credor}}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
(4, 'Já pagou?', 'email', 'Não identificamos o pagamento — {{credor_nome}}',
'Olá, {{contato}}!

Ainda não identificamos o pagamento dos títulos abaixo de {{cliente}}. Pode ter sido apenas um desencontro de datas.

{{titulos}}

Valor atualizado com multa e juros: {{total_atualizado}}

Pix copia e cola: {{pix_copia_e_cola}}

Se já pagou, responda este e-mail com o comprovante que damos baixa. Se precisar de ajuda, estamos à disposição.

Atenciosamente,
{{atendente}}
{{credor}}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
(5, 'Aviso formal e proposta de negociação', 'email', 'Títulos em aberto — vamos negociar? — {{credor_nome}}',
'Olá, {{contato}}!

Os títulos abaixo de {{cliente}} seguem em aberto:

{{titulos}}

Valor atualizado com multa e juros: {{total_atualizado}}

Sabemos que imprevistos acontecem. Fale com a gente para combinarmos a melhor forma de regularizar, inclusive em parcelas. Enquanto houver títulos vencidos, novos pedidos ficam suspensos.

Pix copia e cola: {{pix_copia_e_cola}}

Atenciosamente,
{{atendente}}
{{credor}}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
(6, 'Carta de pré-negativação', 'letter', 'Comunicado de débito em aberto',
'Prezados, {{cliente}}.

Consta em aberto o débito abaixo:

{{titulos}}

Valor atualizado com multa e juros: {{total_atualizado}}

Caso não seja regularizado ou negociado, o débito poderá ser informado aos órgãos de proteção ao crédito após o prazo legal de aviso. Se já houve pagamento, por favor desconsidere este comunicado e nos envie o comprovante.

Atenciosamente,
{{atendente}}
{{credor}}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
(7, 'Roteiro de ligação', 'phone', '',
'Ligar para {{contato}} ({{cliente}}). Títulos: {{titulos}} Total atualizado: {{total_atualizado}}. Pergunte o motivo do atraso e registre uma promessa de pagamento.', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

INSERT INTO dunning_ladders (id, name, is_default, created_at, updated_at) VALUES
(1, 'Régua padrão B2B', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
(2, 'Régua curta', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

INSERT INTO dunning_steps (ladder_id, name, offset_days, day_kind, channel, template_id, automatic, created_at, updated_at)
SELECT ladder_id, name, offset_days, day_kind, channel, template_id, automatic,
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM (
  SELECT 1 AS ladder_id, 'Lembrete com boleto e Pix' AS name, -5 AS offset_days, 'calendar' AS day_kind, 'email' AS channel, 1 AS template_id, 1 AS automatic
  UNION ALL SELECT 1, 'Lembrete por WhatsApp', -1, 'calendar', 'whatsapp', 2, 1
  UNION ALL SELECT 1, 'Vence hoje', 0, 'calendar', 'email', 3, 1
  UNION ALL SELECT 1, 'Já pagou?', 1, 'business', 'email', 4, 1
  UNION ALL SELECT 1, 'Ligação: motivo do atraso e promessa', 3, 'business', 'phone', 7, 0
  UNION ALL SELECT 1, 'Aviso formal e proposta de negociação', 7, 'calendar', 'email', 5, 1
  UNION ALL SELECT 1, 'Bloquear novos pedidos', 7, 'calendar', 'internal', NULL, 0
  UNION ALL SELECT 1, 'Segundo aviso', 15, 'calendar', 'email', 5, 1
  UNION ALL SELECT 1, 'Visita do representante', 15, 'calendar', 'internal', NULL, 0
  UNION ALL SELECT 1, 'Carta de pré-negativação', 30, 'calendar', 'letter', 6, 0
  UNION ALL SELECT 1, 'Avaliar negativação', 45, 'calendar', 'internal', NULL, 0
  UNION ALL SELECT 1, 'Protesto ou assessoria de cobrança', 60, 'calendar', 'internal', NULL, 0
  UNION ALL SELECT 1, 'Encaminhar ao jurídico', 90, 'calendar', 'internal', NULL, 0
  UNION ALL SELECT 2, 'Lembrete de atraso', 3, 'calendar', 'email', 4, 1
  UNION ALL SELECT 2, 'Segundo aviso', 15, 'calendar', 'email', 5, 1
  UNION ALL SELECT 2, 'Carta de pré-negativação', 30, 'calendar', 'letter', 6, 0
);
`,
};
