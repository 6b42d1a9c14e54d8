import { create } from 'zustand';
import type { RiskWeights } from '../../../../shared/domain/risk';
import type { BacktestResult, BlockedRow, CreditOverview, ReviewRow, WeightsPreview } from '../../../../shared/ipc/credit.contract';
import { api } from '../../api/client';

const PREVIEW_DELAY_MS = 250;

interface CreditState {
  overview: CreditOverview | null;
  review: ReviewRow[];
  blocked: BlockedRow[];
  backtest: BacktestResult | null;
  /** Weights being edited; null = not editing (the saved ones are shown). */
  draft: RiskWeights | null;
  preview: WeightsPreview | null;
  /** Validation message of the draft (from the backend's schema), if any. */
  draftError: string | null;
  busy: 'recompute' | 'save' | 'backtest' | null;
  error: string | null;
  load(): Promise<void>;
  recompute(): Promise<number>;
  setDraft(w: RiskWeights): void;
  discardDraft(): void;
  saveDraft(): Promise<void>;
  runBacktest(): Promise<void>;
}

let previewTimer: ReturnType<typeof setTimeout> | undefined;
let previewGeneration = 0;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const useCredit = create<CreditState>((set, get) => ({
  overview: null,
  review: [],
  blocked: [],
  backtest: null,
  draft: null,
  preview: null,
  draftError: null,
  busy: null,
  error: null,

  async load() {
    try {
      const [overview, review, blocked] = await Promise.all([
        api.invoke('credit.overview', {}),
        api.invoke('credit.reviewList', { limit: 100 }),
        api.invoke('credit.blockedList', {}),
      ]);
      set({ overview, review, blocked, error: null });
    } catch (e) {
      set({ error: message(e) });
    }
  },

  async recompute() {
    set({ busy: 'recompute' });
    try {
      const r = await api.invoke('credit.recompute', {});
      await get().load();
      return r.scored;
    } finally {
      set({ busy: null });
    }
  },

  setDraft(w) {
    set({ draft: w });
    clearTimeout(previewTimer);
    const generation = ++previewGeneration;
    // Typing a number fires many changes: preview once the clerk pauses.
    previewTimer = setTimeout(() => {
      api.invoke('credit.previewWeights', { weights: w }).then(
        (preview) => generation === previewGeneration && set({ preview, draftError: null }),
        (e: unknown) => generation === previewGeneration && set({ draftError: message(e) }),
      );
    }, PREVIEW_DELAY_MS);
  },

  discardDraft() {
    clearTimeout(previewTimer);
    previewGeneration++;
    set({ draft: null, preview: null, draftError: null });
  },

  async saveDraft() {
    const { draft } = get();
    if (!draft) return;
    set({ busy: 'save' });
    try {
      const overview = await api.invoke('credit.saveWeights', { weights: draft });
      get().discardDraft();
      set({ overview });
      await get().load();
    } finally {
      set({ busy: null });
    }
  },

  async runBacktest() {
    set({ busy: 'backtest' });
    try {
      set({ backtest: await api.invoke('credit.backtest', {}) });
    } finally {
      set({ busy: null });
    }
  },
}));
