import { create } from 'zustand';
import type { QueueResult } from '../../../../shared/ipc/dunning.contract';
import type { Params } from '../../../../shared/ipc/schemas';
import { api } from '../../api/client';

interface QueueState {
  queue: QueueResult | null;
  selected: number;
  error: string | null;
  load(): Promise<void>;
  select(index: number): void;
  complete(params: Params<'queue.complete'>): Promise<void>;
  snooze(id: number, untilDate: string): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The clerk's queue; keeps the selection on the same position so "save" moves to the next task. */
export const useQueue = create<QueueState>()((set, get) => ({
  queue: null,
  selected: 0,
  error: null,
  async load() {
    try {
      const queue = await api.invoke('queue.list', { limit: 500 });
      set({ queue, error: null, selected: Math.min(get().selected, Math.max(0, queue.rows.length - 1)) });
    } catch (e) {
      set({ error: message(e) });
    }
  },
  select(index) {
    const rows = get().queue?.rows.length ?? 0;
    set({ selected: Math.max(0, Math.min(index, rows - 1)) });
  },
  async complete(params) {
    await api.invoke('queue.complete', params);
    await get().load();
  },
  async snooze(id, untilDate) {
    await api.invoke('queue.snooze', { id, untilDate });
    await get().load();
  },
}));
