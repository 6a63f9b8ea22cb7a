/** The error the renderer sees when an operation fails: a stable code plus the host's message. */
import { ERROR_MESSAGES, isErrorCode, type ErrorCode } from '../../shared/errors.ts';

export class ApiError extends Error {
  /** A known code from shared/errors.ts; unknown codes from the wire become INTERNAL (the raw code is kept). */
  readonly code: ErrorCode;
  readonly rawCode: string;
  readonly details?: unknown;
  constructor(rawCode: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.rawCode = rawCode;
    this.code = isErrorCode(rawCode) ? rawCode : 'INTERNAL';
    this.details = details;
  }
}

export type Lang = 'zh-CN' | 'en-US';

/** The message a user reads for any thrown value: the code's zh-CN/en text, never a stack trace. */
export function userMessage(err: unknown, lang: Lang): string {
  const code: ErrorCode = err instanceof ApiError ? err.code : 'INTERNAL';
  return ERROR_MESSAGES[code][lang === 'en-US' ? 'en' : 'zh'];
}

export function errorCodeOf(err: unknown): ErrorCode {
  return err instanceof ApiError ? err.code : 'INTERNAL';
}
