import { create } from 'zustand';
import type { PickedFile } from '../../../../shared/ipc/contract';
import type { ColumnMapping, ImportField, ImportMode, ImportPreview, ImportResult, ImportRun } from '../../../../shared/ipc/imports.contract';
import { api, ApiCallError } from '../../api/client';
import { platform } from '../../platform/platform';

const SOURCE_KEY = 'adimple.import.source';

export interface RunningImport {
  jobId: string;
  mode: ImportMode;
  fraction: number;
  rowsDone: number;
}

interface ImportsState {
  file: PickedFile | null;
  source: string;
  preview: ImportPreview | null;
  mapping: ColumnMapping;
  reading: boolean;
  running: RunningImport | null;
  result: ImportResult | null;
  /** The mapping the last result was computed with: importing needs a fresh validation after a change. */
  validatedMapping: ColumnMapping | null;
  error: string | null;
  history: ImportRun[];
  pick(): Promise<void>;
  setSource(source: string): void;
  applySource(): Promise<void>;
  setField(field: ImportField, header: string | null): void;
  /** Resolves how the run ended; a failure's message is in `error`. */
  run(mode: ImportMode): Promise<'done' | 'cancelled' | 'failed'>;
  cancel(): Promise<void>;
  onProgress(jobId: string, fraction: number, rowsDone: number): void;
  loadHistory(): Promise<void>;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The saved profile's columns that this file has, else the header-based suggestion. */
function initialMapping(p: ImportPreview): ColumnMapping {
  if (!p.profile) return p.suggestedMapping;
  const headers = new Set(p.headers);
  return Object.fromEntries(Object.entries(p.profile.mapping).filter(([, header]) => header !== undefined && headers.has(header)));
}

export const useImports = create<ImportsState>((set, get) => ({
  file: null,
  source: localStorage.getItem(SOURCE_KEY) ?? 'ERP',
  preview: null,
  mapping: {},
  reading: false,
  running: null,
  result: null,
  validatedMapping: null,
  error: null,
  history: [],

  async pick() {
    let file: PickedFile | null;
    try {
      file = await platform.pickFile({ purpose: 'erp-import' });
    } catch (e) {
      set({ error: messageOf(e) });
      return;
    }
    if (!file) return;
    set({ file, reading: true, error: null, result: null, validatedMapping: null });
    try {
      const preview = await api.invoke('imports.preview', { fileToken: file.token, source: get().source });
      set({ preview, mapping: initialMapping(preview), reading: false });
    } catch (e) {
      set({ preview: null, reading: false, error: messageOf(e) });
    }
  },

  setSource(source) {
    set({ source });
  },

  /** A source with a saved mapping brings it back (the "one click tomorrow"); leaving the field unchanged
   * keeps the clerk's own column choices. */
  async applySource() {
    const { file, source, preview } = get();
    if (!file || !source.trim() || preview?.profile?.source === source.trim()) return;
    try {
      const preview = await api.invoke('imports.preview', { fileToken: file.token, source: source.trim() });
      set(preview.profile ? { preview, mapping: initialMapping(preview), result: null, validatedMapping: null } : { preview });
    } catch (e) {
      set({ error: messageOf(e) });
    }
  },

  setField(field, header) {
    const mapping = { ...get().mapping };
    if (header) mapping[field] = header;
    else delete mapping[field];
    set({ mapping });
  },

  async run(mode) {
    const { file, source, mapping } = get();
    if (!file) return 'failed';
    const jobId = crypto.randomUUID();
    set({ running: { jobId, mode, fraction: 0, rowsDone: 0 }, error: null });
    try {
      const result = await api.invoke('imports.run', { jobId, fileToken: file.token, source: source.trim(), mapping, mode });
      localStorage.setItem(SOURCE_KEY, source.trim());
      set({ result, validatedMapping: mapping, running: null });
      if (result.committed) void get().loadHistory();
      return 'done';
    } catch (e) {
      const cancelled = e instanceof ApiCallError && e.error.details?.reason === 'cancelled';
      set({ running: null, error: cancelled ? null : messageOf(e) });
      return cancelled ? 'cancelled' : 'failed';
    }
  },

  async cancel() {
    const running = get().running;
    if (running) await api.invoke('imports.cancel', { jobId: running.jobId });
  },

  onProgress(jobId, fraction, rowsDone) {
    const running = get().running;
    if (running?.jobId === jobId) set({ running: { ...running, fraction, rowsDone } });
  },

  async loadHistory() {
    try {
      set({ history: await api.invoke('imports.history', { limit: 10 }) });
    } catch (e) {
      set({ error: messageOf(e) });
    }
  },
}));
