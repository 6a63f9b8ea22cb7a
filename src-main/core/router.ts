/**
 * The one entry point hosts call: channel → contract operation → validate input → handler → validate output →
 * { ok, value } | { ok: false, error: { code, message, details? } }. Unknown channels are FORBIDDEN.
 */
import { AppError, ERROR_MESSAGES, type ErrorCode } from '../../shared/errors.ts';
import { contract, type Contract } from '../../shared/ipc/contract.ts';
import { lookupOperation, type Handlers, type IpcResult } from '../../shared/ipc/define.ts';

type AnyHandler = (input: unknown) => unknown;

function handlerOf(handlers: Handlers<Contract>, channel: string): AnyHandler | null {
  const dot = channel.indexOf('.');
  const feature = (handlers as unknown as Record<string, Record<string, AnyHandler>>)[channel.slice(0, dot)];
  const fn = feature?.[channel.slice(dot + 1)];
  return typeof fn === 'function' ? fn : null;
}

export function toErrorResult(e: unknown): IpcResult<never> {
  if (e instanceof AppError) return { ok: false, error: e.toBody() };
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return { ok: false, error: { code: 'DISK_FULL', message: ERROR_MESSAGES.DISK_FULL.zh } };
  const internal: ErrorCode = 'INTERNAL';
  return { ok: false, error: { code: internal, message: ERROR_MESSAGES.INTERNAL.zh, details: { cause: String((e as Error)?.message ?? e) } } };
}

export async function invoke(handlers: Handlers<Contract>, channel: string, input: unknown): Promise<IpcResult<unknown>> {
  const operation = lookupOperation(contract, channel);
  const fn = operation ? handlerOf(handlers, channel) : null;
  if (!operation || !fn) return { ok: false, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN.zh, details: { channel } } };
  const parsed = operation.input.safeParse(input ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'VALIDATION_FAILED', message: ERROR_MESSAGES.VALIDATION_FAILED.zh, details: parsed.error.issues } };
  }
  try {
    const value = await fn(parsed.data);
    const out = operation.output.safeParse(value);
    if (!out.success) {
      return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL.zh, details: { channel, issues: out.error.issues.slice(0, 5) } } };
    }
    return { ok: true, value: out.data };
  } catch (e) {
    return toErrorResult(e);
  }
}
