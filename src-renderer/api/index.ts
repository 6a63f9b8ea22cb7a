/** Picks the transport for this window: Electron's preload when present, otherwise the browser host's bridge. */
import type { CoreEvent } from '../../shared/ipc/contract.ts';
import { bridgeTransport, bridgeUrlFromLocation } from './bridgeTransport.ts';
import { createApi, type Api } from './client.ts';
import { preloadTransport, type PreloadApi, type Transport } from './transport.ts';

export { ApiError, userMessage, errorCodeOf } from './errors.ts';
export type { Api } from './client.ts';

let transport: Transport | null = null;
let api: Api | null = null;

function pickTransport(): Transport {
  const preload = (window as unknown as { api?: PreloadApi }).api;
  if (preload && typeof preload.invoke === 'function') return preloadTransport(preload);
  return bridgeTransport({ url: bridgeUrlFromLocation(window.location) });
}

/** Tests install a fake transport before rendering. */
export function setTransport(t: Transport): void {
  transport = t;
  api = createApi(t);
}

export function getApi(): Api {
  if (!api) setTransport(pickTransport());
  return api as Api;
}

export function onCoreEvent(cb: (e: CoreEvent) => void): () => void {
  getApi();
  return (transport as Transport).onEvent(cb);
}
