import type { z } from 'zod';
import { ApiCallError } from '../api/client';

export type FieldErrors = Record<string, string>;

/** Per-field messages from a local zod check (same schema the backend uses) or a backend envelope. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    out[path] ??= issue.message;
  }
  return out;
}

export function apiFieldErrors(e: unknown): { fields: FieldErrors; message: string } {
  if (e instanceof ApiCallError) return { fields: e.fieldErrors(), message: e.message };
  return { fields: {}, message: e instanceof Error ? e.message : String(e) };
}
