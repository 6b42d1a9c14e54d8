/**
 * What the preload exposes as `window.bridge` (electron/preload/preload.ts). No electron import here,
 * so the renderer can import this type.
 */
export interface Bridge {
  /** Calls `method` in main/backend; resolves with the envelope `{ ok, data } | { ok: false, error }`. */
  invoke(method: string, params: unknown): Promise<unknown>;
  /** Subscribes to backend events; returns the unsubscribe function. */
  on(listener: (name: string, payload: unknown) => void): () => void;
}
