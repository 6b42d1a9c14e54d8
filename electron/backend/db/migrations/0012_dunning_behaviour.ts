import type { Migration } from './index';

/**
 * Ladder steps conditioned on how the customer pays (issue 5, with issue 7's credit scores): a payment
 * behaviour condition and a "this risk class or worse" condition. The default ladder gets a pre-due WhatsApp
 * for late payers at D-7 (with D-5, D-1 and D0 it still fits the default cap of 3 contacts a week, so it never
 * crowds out "vence hoje"), and good payers skip "Já pagou?". Only the seeded rows are touched: a ladder the
 * team already edited keeps its steps.
 *
 * The index on credit_scores.computed_at keeps the pass's "did customers change?" check cheap.
 */
export const migration0012: Migration = {
  id: 12,
  name: 'dunning_behaviour',
  up: `
ALTER TABLE dunning_steps ADD COLUMN payer_condition TEXT CHECK (payer_condition IS NULL OR payer_condition IN ('late_payers', 'not_good_payers'));
ALTER TABLE dunning_steps ADD COLUMN risk_class_from TEXT CHECK (risk_class_from IS NULL OR risk_class_from IN ('A', 'B', 'C', 'D', 'E'));
CREATE INDEX credit_scores_computed_at ON credit_scores(computed_at);

INSERT INTO dunning_templates (name, channel, subject, body, created_at, updated_at)
SELECT 'Lembrete antecipado por WhatsApp', 'whatsapp', '',
'Olá, {{contato}}! Aqui é {{atendente}}, de {{credor_nome}}. Para ajudar na programação: há títulos de {{cliente}} vencendo nos próximos dias, no total de {{total_atualizado}}. Pix copia e cola: {{pix_copia_e_cola}}. Qualquer dúvida, estamos à disposição. Obrigado!',
strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE NOT EXISTS (SELECT 1 FROM dunning_templates WHERE name = 'Lembrete antecipado por WhatsApp');

INSERT INTO dunning_steps (ladder_id, name, offset_days, day_kind, channel, template_id, automatic, payer_condition, created_at, updated_at)
SELECT 1, 'Lembrete antecipado', -7, 'calendar', 'whatsapp', t.id, 1, 'late_payers',
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM dunning_templates t
WHERE t.name = 'Lembrete antecipado por WhatsApp' AND EXISTS (SELECT 1 FROM dunning_ladders WHERE id = 1 AND name = 'Régua padrão B2B');

UPDATE dunning_steps SET payer_condition = 'not_good_payers', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE ladder_id = 1 AND name = 'Já pagou?' AND offset_days = 1;
`,
};
