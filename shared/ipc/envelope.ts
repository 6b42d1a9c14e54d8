/** The one answer shape of every IPC method (see ARCHITECTURE.md, "The contract"). */
export type ErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'INTERNAL';

export interface FieldError {
  /** Dotted path of the offending field, e.g. `document` or `contacts.0.email`. */
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  /** Meant for the clerk, in pt-BR. */
  message: string;
  details?: { fields?: FieldError[]; [key: string]: unknown };
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Thrown by services; the router turns it into an error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ApiError['details'],
  ) {
    super(message);
    this.name = 'AppError';
  }
}
