/**
 * The IPC contract is one typed map: feature → operation → { input, output } schemas.
 * Electron IPC and the browser host's WebSocket bridge carry exactly these operations, validated on arrival.
 */
import { z } from 'zod';

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}
export function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Operation<I, O> {
  return { input, output };
}

export type ContractShape = Record<string, Record<string, Operation>>;

/** The client API the renderer sees: window.api.<feature>.<verb>(input) → Promise<output>. */
export type ClientApi<C extends ContractShape> = {
  [F in keyof C]: {
    [V in keyof C[F]]: (input: z.input<C[F][V]['input']>) => Promise<z.output<C[F][V]['output']>>;
  };
};

/** What the core implements: one handler per operation, receiving the validated input. */
export type Handlers<C extends ContractShape> = {
  [F in keyof C]: {
    [V in keyof C[F]]: (input: z.output<C[F][V]['input']>) => Promise<z.input<C[F][V]['output']>> | z.input<C[F][V]['output']>;
  };
};

/** "documents.send" style channel names, the only names a host accepts. */
export function channelNames(contract: ContractShape): string[] {
  return Object.entries(contract).flatMap(([f, ops]) => Object.keys(ops).map((v) => `${f}.${v}`));
}

export function lookupOperation(contract: ContractShape, channel: string): Operation | null {
  const dot = channel.indexOf('.');
  if (dot < 0) return null;
  const f = channel.slice(0, dot);
  const v = channel.slice(dot + 1);
  if (!Object.hasOwn(contract, f) || !Object.hasOwn(contract[f], v)) return null;
  return contract[f][v];
}

/** Result envelope on the wire: errors travel as data with a stable code. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } };
