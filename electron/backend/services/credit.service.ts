import { auc, decileTable, ks } from '../../../shared/domain/backtest';
import { DEFAULT_CREDIT_POLICY, reviewLimit, salesVerdict, type CreditPolicy } from '../../../shared/domain/credit';
import { addMonths, diffDays } from '../../../shared/domain/dates';
import { cnpjRoot } from '../../../shared/domain/documents';
import { classDistribution, DEFAULT_RISK_WEIGHTS, scorePoints, scoreRisk, type RiskFeatures, type RiskWeights } from '../../../shared/domain/risk';
import type {
  BacktestResult,
  BlockedRow,
  CreditOverview,
  PdfFile,
  CustomerRisk,
  RecomputeResult,
  ReviewRow,
  WeightsPreview,
} from '../../../shared/ipc/credit.contract';
import type { CsvFile } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';
import { blockedPdfContent } from '../credit/blocked.report';
import { featuresOfAll, featuresOfCustomer, featuresOnDate } from '../credit/features';
import type { OverdueRow, StoredScoreRow } from '../db/repos/credit.repo';
import { centsToCsvDecimal, toCsv } from '../reports/csv';
import { brDate } from '../reports/pdf/format';
import { renderPdf, reportDocument } from '../reports/pdf/kit';
import { settingsService } from './settings.service';

const WEIGHTS_KEY = 'credit.weights';
const POLICY_KEY = 'credit.policy';

/** Oldest overdue days per CNPJ root (branches share it), from per-customer overdue rows. */
function oldestOverdueByRoot(rows: readonly OverdueRow[], documentOf: (id: number) => string | undefined, asOf: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const doc = documentOf(r.customerId);
    if (doc === undefined) continue;
    const root = cnpjRoot(doc);
    out.set(root, Math.max(out.get(root) ?? 0, diffDays(asOf, r.oldestDueDate)));
  }
  return out;
}

export function creditService(ctx: Context) {
  const repo = ctx.repos.credit;

  function weights(): RiskWeights {
    const raw = repo.getSetting(WEIGHTS_KEY);
    if (!raw) return DEFAULT_RISK_WEIGHTS;
    const saved = JSON.parse(raw) as Partial<RiskWeights>;
    // Saved by an older build, a new factor may be missing: it gets its default.
    return { ...DEFAULT_RISK_WEIGHTS, ...saved, factors: { ...DEFAULT_RISK_WEIGHTS.factors, ...saved.factors } };
  }

  function policy(): CreditPolicy {
    const raw = repo.getSetting(POLICY_KEY);
    return raw ? { ...DEFAULT_CREDIT_POLICY, ...(JSON.parse(raw) as Partial<CreditPolicy>) } : DEFAULT_CREDIT_POLICY;
  }

  function toRisk(customerId: number, features: RiskFeatures, asOf: string, computedAt: string | null, status: string, oldestOverdueDays: number | null): CustomerRisk {
    const w = weights();
    const s = scoreRisk(features, w);
    const pol = policy();
    return {
      customerId,
      ...s,
      features,
      asOf,
      computedAt,
      bureau: repo.bureauScore(customerId) ?? null,
      policy: pol[s.riskClass],
      verdict: salesVerdict(
        { riskClass: s.riskClass, oldestOverdueDays, exposureCents: features.exposureCents, creditLimitCents: features.creditLimitCents, status },
        pol,
      ),
    };
  }

  function companyOldestOverdue(customerId: number, asOf: string): number | null {
    const doc = repo.documentOf(customerId);
    if (doc === undefined) return null;
    const branches = repo.customersByRoot(cnpjRoot(doc));
    const rows = repo.overdueNowOf(
      branches.map((b) => b.customerId),
      asOf,
    );
    const docs = new Map(branches.map((b) => [b.customerId, b.document]));
    return oldestOverdueByRoot(rows, (id) => docs.get(id), asOf).get(cnpjRoot(doc)) ?? null;
  }

  function scoreAndStore(customerId: number): CustomerRisk {
    const asOf = ctx.asOf();
    const f = featuresOfCustomer(repo, customerId, asOf);
    if (!f) throw new AppError('NOT_FOUND', `Cliente ${customerId} não encontrado.`);
    const s = scorePoints(f.features, weights());
    const computedAt = ctx.nowIso();
    repo.replaceScores([{ customerId, ...s, features: f.features }], asOf, computedAt);
    return toRisk(customerId, f.features, asOf, computedAt, f.customer.status, companyOldestOverdue(customerId, asOf));
  }

  function overview(): CreditOverview {
    const counts = repo.classCounts();
    const distribution = classDistribution([]);
    for (const c of counts) distribution[c.riskClass] = c.count;
    return {
      asOf: ctx.asOf(),
      lastComputed: repo.lastComputed() ?? null,
      scored: counts.reduce((s, c) => s + c.count, 0),
      distribution,
      weights: weights(),
      defaultWeights: DEFAULT_RISK_WEIGHTS,
    };
  }

  /** Rescores every stored feature set with `w` (no history read): what a change of weights does. */
  function rescoreStored(w: RiskWeights) {
    return repo.allStoredFeatures().map(({ customerId, features }) => ({ customerId, features, ...scorePoints(features, w) }));
  }

  function storedRows(): { rows: ReturnType<typeof repo.scoredCustomers>; oldest: Map<string, number>; asOf: string } {
    const asOf = ctx.asOf();
    const rows = repo.scoredCustomers();
    const docs = new Map(rows.map((r) => [r.customerId, r.document]));
    return { rows, asOf, oldest: oldestOverdueByRoot(repo.overdueNow(asOf), (id) => docs.get(id), asOf) };
  }

  function blockedList(): BlockedRow[] {
    const pol = policy();
    const { rows, oldest } = storedRows();
    const out: BlockedRow[] = [];
    for (const r of rows) {
      const { features } = r;
      const oldestOverdueDays = oldest.get(cnpjRoot(r.document)) ?? null;
      const verdict = salesVerdict(
        { riskClass: r.riskClass, oldestOverdueDays, exposureCents: features.exposureCents, creditLimitCents: features.creditLimitCents, status: r.status },
        pol,
      );
      if (!verdict.cashOnly) continue;
      out.push({
        customerId: r.customerId,
        legalName: r.legalName,
        document: r.document,
        salesRep: r.salesRep,
        city: r.city,
        uf: r.uf,
        score: r.score,
        riskClass: r.riskClass,
        overdueCents: features.overdueCents,
        oldestOverdueDays,
        verdict,
      });
    }
    return out;
  }

  return {
    weights,
    overview,

    recompute(): RecomputeResult {
      return ctx.tx(() => {
        const asOf = ctx.asOf();
        const w = weights();
        const scored = featuresOfAll(repo, asOf).map((f) => ({ customerId: f.customer.customerId, features: f.features, ...scorePoints(f.features, w) }));
        const computedAt = ctx.nowIso();
        repo.replaceScores(scored, asOf, computedAt);
        const distribution = classDistribution(scored.map((s) => s.riskClass));
        ctx.repos.activity.append({ actor: ctx.actor(), action: 'credit.recomputed', details: { asOf, scored: scored.length, distribution } }, computedAt);
        return { scored: scored.length, asOf, computedAt, distribution };
      });
    },

    customer(customerId: number): CustomerRisk {
      const stored = repo.score(customerId);
      const asOf = ctx.asOf();
      const status = repo.statusOf(customerId);
      if (status === undefined) throw new AppError('NOT_FOUND', `Cliente ${customerId} não encontrado.`);
      if (stored) return fromStored(stored, status, companyOldestOverdue(customerId, asOf));
      // Never scored yet: computed now for display, stored only by an explicit recompute.
      const f = featuresOfCustomer(repo, customerId, asOf)!;
      return toRisk(customerId, f.features, asOf, null, status, companyOldestOverdue(customerId, asOf));
    },

    scoreCustomer(customerId: number): CustomerRisk {
      return ctx.tx(() => {
        const risk = scoreAndStore(customerId);
        ctx.repos.activity.append({ actor: ctx.actor(), action: 'credit.scored', customerId, details: { score: risk.score, riskClass: risk.riskClass } }, ctx.nowIso());
        return risk;
      });
    },

    setBureauScore(p: ParsedParams<'credit.setBureauScore'>): CustomerRisk {
      if (p.consultedOn > ctx.asOf()) throw new AppError('VALIDATION', 'A data da consulta ao bureau não pode ser futura.', { fields: [{ path: 'consultedOn', message: 'Data futura' }] });
      return ctx.tx(() => {
        if (repo.documentOf(p.customerId) === undefined) throw new AppError('NOT_FOUND', `Cliente ${p.customerId} não encontrado.`);
        repo.setBureauScore({ ...p, enteredBy: ctx.actor() }, ctx.nowIso());
        const risk = scoreAndStore(p.customerId);
        ctx.repos.activity.append(
          { actor: ctx.actor(), action: 'credit.bureau_score', customerId: p.customerId, details: { bureau: p.bureau, score: p.score, consultedOn: p.consultedOn, newScore: risk.score } },
          ctx.nowIso(),
        );
        return risk;
      });
    },

    previewWeights(draft: RiskWeights): WeightsPreview {
      const current = repo.classCounts();
      const currentDist = classDistribution([]);
      for (const c of current) currentDist[c.riskClass] = c.count;
      const rescored = rescoreStored(draft);
      return { scored: rescored.length, current: currentDist, draft: classDistribution(rescored.map((r) => r.riskClass)) };
    },

    saveWeights(w: RiskWeights): CreditOverview {
      return ctx.tx(() => {
        repo.putSetting(WEIGHTS_KEY, JSON.stringify(w));
        const last = repo.lastComputed();
        if (last) repo.replaceScores(rescoreStored(w), last.asOf, ctx.nowIso());
        ctx.repos.activity.append({ actor: ctx.actor(), action: 'credit.weights_saved', details: { weights: w } }, ctx.nowIso());
        return overview();
      });
    },

    backtest(p: ParsedParams<'credit.backtest'>): BacktestResult {
      const today = ctx.asOf();
      const asOf = p.asOf ?? addMonths(today, -p.horizonMonths);
      const horizonEnd = addMonths(asOf, p.horizonMonths);
      if (horizonEnd > today) {
        throw new AppError('VALIDATION', `A data do back-test deve ser até ${p.horizonMonths} meses antes de hoje, para que o resultado já seja conhecido.`, {
          fields: [{ path: 'asOf', message: 'Data recente demais para o horizonte' }],
        });
      }
      const w = p.weights ?? weights();
      const outcomes = new Map(repo.outcomes(asOf, horizonEnd, p.badDays).map((o) => [o.customerId, o]));
      const withHistory = featuresOnDate(repo, asOf).filter((f) => f.features.maturedCount > 0 || f.features.openCents > 0);
      let excludedAlreadyBad = 0;
      const rows: { score: number; bad: boolean }[] = [];
      for (const f of withHistory) {
        const o = outcomes.get(f.customer.customerId);
        if (o?.alreadyBad) {
          excludedAlreadyBad++;
          continue;
        }
        rows.push({ score: scorePoints(f.features, w).score, bad: o?.wentBad === 1 });
      }
      return {
        asOf,
        horizonEnd,
        badDays: p.badDays,
        population: rows.length,
        bads: rows.filter((r) => r.bad).length,
        excludedAlreadyBad,
        auc: auc(rows),
        ks: ks(rows),
        deciles: decileTable(rows),
      };
    },

    policy,

    savePolicy(next: CreditPolicy): CreditPolicy {
      return ctx.tx(() => {
        repo.putSetting(POLICY_KEY, JSON.stringify(next));
        ctx.repos.activity.append({ actor: ctx.actor(), action: 'credit.policy_saved', details: { policy: next } }, ctx.nowIso());
        return next;
      });
    },

    reviewList(limit: number): ReviewRow[] {
      const pol = policy();
      const { rows, oldest } = storedRows();
      const out: ReviewRow[] = [];
      for (const r of rows) {
        const { features } = r;
        const review = reviewLimit(
          {
            riskClass: r.riskClass,
            score: r.score,
            oldestOverdueDays: oldest.get(cnpjRoot(r.document)) ?? null,
            exposureCents: features.exposureCents,
            creditLimitCents: r.creditLimitCents,
            status: r.status,
          },
          pol,
        );
        if (review.action === 'keep') continue;
        out.push({ customerId: r.customerId, legalName: r.legalName, document: r.document, score: r.score, riskClass: r.riskClass, creditLimitCents: r.creditLimitCents, exposureCents: features.exposureCents, review });
      }
      // The biggest changes first: that is where the money is.
      out.sort((a, b) => Math.abs(b.review.suggestedLimitCents - b.creditLimitCents) - Math.abs(a.review.suggestedLimitCents - a.creditLimitCents));
      return out.slice(0, limit);
    },

    blockedList,

    blockedCsv(): CsvFile {
      const rows = blockedList();
      const header = ['Cliente', 'CNPJ/CPF', 'Vendedor', 'Cidade', 'UF', 'Score', 'Classe', 'Situação', 'Vencido (R$)', 'Dias do vencido mais antigo', 'Motivos'];
      const { content, rowCount } = toCsv(
        header,
        rows.map((r) => [
          r.legalName,
          r.document,
          r.salesRep,
          r.city,
          r.uf,
          r.score,
          r.riskClass,
          r.verdict.blocked ? 'Bloqueado' : 'Somente à vista',
          centsToCsvDecimal(r.overdueCents),
          r.oldestOverdueDays,
          r.verdict.reasons.map((x) => x.pt).join('; '),
        ]),
      );
      return { fileName: `bloqueados-somente-a-vista-${ctx.asOf()}.csv`, content, rowCount };
    },

    async blockedPdf(): Promise<PdfFile> {
      const asOf = ctx.asOf();
      const rows = blockedList();
      const doc = reportDocument({
        company: settingsService(ctx).getCompany(),
        title: 'Bloqueados / somente à vista',
        subtitle: `Posição em ${brDate(asOf)}`,
        filters: [{ label: 'Data-base', value: brDate(asOf) }],
        generatedAt: ctx.clock.now(),
        orientation: 'landscape',
        content: blockedPdfContent(rows, asOf),
      });
      const pdf = await renderPdf(doc);
      return { fileName: `bloqueados-somente-a-vista-${asOf}.pdf`, mimeType: 'application/pdf', encoding: 'base64', content: pdf.toString('base64'), rowCount: rows.length };
    },
  };

  function fromStored(stored: StoredScoreRow, status: string, oldestOverdueDays: number | null): CustomerRisk {
    return toRisk(stored.customerId, stored.features, stored.asOf, stored.computedAt, status, oldestOverdueDays);
  }
}
