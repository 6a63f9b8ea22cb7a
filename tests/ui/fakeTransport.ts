/** A Transport for UI tests: answers channels from a handler map, records every call, pushes events on demand. */
import type { CoreEvent } from '../../shared/ipc/contract.ts';
import type { IpcResult } from '../../shared/ipc/define.ts';
import type { Transport } from '../../src-renderer/api/transport.ts';

export type Handler = (input: unknown) => unknown;

export class CodedFailure {
  constructor(readonly code: string, readonly message = 'failed') {}
}

export interface FakeTransport extends Transport {
  calls: { channel: string; input: unknown }[];
  emit(e: CoreEvent): void;
}

export function fakeTransport(handlers: Record<string, Handler>): FakeTransport {
  const listeners = new Set<(e: CoreEvent) => void>();
  const calls: { channel: string; input: unknown }[] = [];
  return {
    calls,
    async invoke(channel, input): Promise<IpcResult<unknown>> {
      calls.push({ channel, input });
      const h = handlers[channel];
      if (!h) return { ok: false, error: { code: 'NOT_FOUND', message: `no fake for ${channel}` } };
      const value = await h(input);
      if (value instanceof CodedFailure) return { ok: false, error: { code: value.code, message: value.message } };
      return { ok: true, value };
    },
    onEvent(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    emit(e) {
      for (const l of listeners) l(e);
    },
  };
}
