/**
 * The one check every host applies before a renderer request reaches the core: the channel must be an operation of
 * the IPC contract and the input must satisfy that operation's schema. Anything else is answered with an error and
 * never executed. Pure (no Electron, no I/O) so both hosts and their tests share it.
 */
import { contract } from '../../shared/ipc/contract.ts';
import { lookupOperation, type IpcResult } from '../../shared/ipc/define.ts';
import { errorMessage } from '../../shared/errors.ts';

export type IpcFailure = Extract<IpcResult<never>, { ok: false }>;
export type GateResult = { ok: true; channel: string; input: unknown } | { ok: false; result: IpcFailure };

const CHANNEL_SHAPE = /^[a-z][A-Za-z]{1,31}\.[a-z][A-Za-z]{1,31}$/;

export function isContractChannel(channel: unknown): channel is string {
  return typeof channel === 'string' && CHANNEL_SHAPE.test(channel) && lookupOperation(contract, channel) !== null;
}

/** Checks channel and input; returns the raw input on success (the core parses it again with the same schema). */
export function gateRequest(channel: unknown, input: unknown): GateResult {
  if (!isContractChannel(channel)) {
    return {
      ok: false,
      result: { ok: false, error: { code: 'FORBIDDEN', message: errorMessage('FORBIDDEN'), details: { reason: 'unknown channel' } } },
    };
  }
  const operation = lookupOperation(contract, channel);
  const parsed = operation!.input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      result: {
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          message: errorMessage('VALIDATION_FAILED'),
          details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
        },
      },
    };
  }
  return { ok: true, channel, input };
}
