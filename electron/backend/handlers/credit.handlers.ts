import type { Context } from '../context';
import type { HandlerGroup } from '../router';
import { creditAnalysisService } from '../services/credit-analysis.service';
import { creditNegativacaoService } from '../services/credit-negativacao.service';
import { creditService } from '../services/credit.service';

export function creditHandlers(ctx: Context): HandlerGroup {
  const service = creditService(ctx);
  const negativacao = creditNegativacaoService(ctx);
  const analysis = creditAnalysisService(ctx, service.policy);
  const analysisWrites = ['credit_analyses', 'customers', 'activity_log'] as const;
  return {
    'credit.overview': { run: () => service.overview() },
    'credit.recompute': { writes: ['credit_scores', 'activity_log'], run: () => service.recompute() },
    'credit.customer': { run: (p) => service.customer(p.customerId) },
    'credit.scoreCustomer': { writes: ['credit_scores', 'activity_log'], run: (p) => service.scoreCustomer(p.customerId) },
    'credit.setBureauScore': { writes: ['credit_bureau_scores', 'credit_scores', 'activity_log'], run: (p) => service.setBureauScore(p) },
    'credit.previewWeights': { run: (p) => service.previewWeights(p.weights) },
    'credit.saveWeights': { writes: ['settings', 'credit_scores', 'activity_log'], run: (p) => service.saveWeights(p.weights) },
    'credit.backtest': { run: (p) => service.backtest(p) },
    'credit.policy': { run: () => service.policy() },
    'credit.savePolicy': { writes: ['settings', 'activity_log'], run: (p) => service.savePolicy(p.policy) },
    'credit.reviewList': { run: (p) => service.reviewList(p.limit) },
    'credit.blockedList': { run: () => service.blockedList() },
    'credit.blockedCsv': { run: () => service.blockedCsv() },
    'credit.blockedPdf': { run: () => service.blockedPdf() },
    'creditAnalysis.create': { writes: ['credit_analyses', 'activity_log'], run: (p) => analysis.create(p) },
    'creditAnalysis.decide': { writes: [...analysisWrites], run: (p) => analysis.decide(p) },
    'creditAnalysis.secondApproval': { writes: [...analysisWrites], run: (p) => analysis.secondApproval(p) },
    'creditAnalysis.list': { run: (p) => analysis.list(p) },
    'negativacao.candidates': { run: (p) => negativacao.candidates(p) },
    'negativacao.create': { writes: ['negativacoes', 'activity_log'], run: (p) => negativacao.create(p) },
    'negativacao.update': { writes: ['negativacoes', 'activity_log'], run: (p) => negativacao.update(p) },
    'negativacao.list': { run: (p) => negativacao.list(p) },
    'negativacao.alerts': { run: () => negativacao.alerts() },
    'negativacao.exportCsv': { run: (p) => negativacao.exportCsv(p.kind) },
    'negativacao.letterPdf': { run: (p) => negativacao.letterPdf(p.id) },
  };
}
