/**
 * The one typed client: api.<feature>.<verb>(input) → Promise<output>, over any Transport.
 * A `{ ok:false, error }` reply becomes a thrown ApiError carrying the stable code.
 */
import { contract, type Contract } from '../../shared/ipc/contract.ts';
import type { ClientApi } from '../../shared/ipc/define.ts';
import { ApiError } from './errors.ts';
import type { Transport } from './transport.ts';

export type Api = ClientApi<Contract>;

export function createApi(transport: Transport): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const [feature, ops] of Object.entries(contract)) {
    const verbs: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const verb of Object.keys(ops)) {
      const channel = `${feature}.${verb}`;
      verbs[verb] = async (input: unknown) => {
        const reply = await transport.invoke(channel, input ?? {});
        if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message, reply.error.details);
        return reply.value;
      };
    }
    api[feature] = Object.freeze(verbs);
  }
  return Object.freeze(api) as unknown as Api;
}
