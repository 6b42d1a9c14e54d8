import { create } from 'zustand';
import type { LaddersResult } from '../../../../shared/ipc/dunning.contract';
import { api } from '../../api/client';

interface LadderState {
  data: LaddersResult | null;
  ladderId: number | null;
  error: string | null;
  load(): Promise<void>;
  chooseLadder(id: number): void;
}

/** Ladders with their steps and the message templates, for the ladder editor. */
export const useLadders = create<LadderState>()((set, get) => ({
  data: null,
  ladderId: null,
  error: null,
  async load() {
    try {
      const data = await api.invoke('dunning.ladders.list', {});
      const keep = data.ladders.some((l) => l.id === get().ladderId);
      set({ data, error: null, ladderId: keep ? get().ladderId : (data.ladders[0]?.id ?? null) });
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) });
    }
  },
  chooseLadder(id) {
    set({ ladderId: id });
  },
}));
