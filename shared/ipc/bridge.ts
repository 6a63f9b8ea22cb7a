/**
 * Wire format of the browser host's WebSocket bridge (Electron IPC carries the same requests natively).
 * JSON frames; Uint8Array values travel as { "$bytes": base64 }.
 *   renderer → host: { id, channel: "documents.send", input }
 *   host → renderer: { id, result: IpcResult }  |  { event: CoreEvent }
 */
import { z } from 'zod';
import { MAX_BLOB_BYTES } from '../schemas/blobs.ts';
import type { IpcResult } from './define.ts';

/**
 * How the renderer finds the bridge (agreed between the browser host and the renderer):
 *  - the host prints and opens `http://127.0.0.1:PORT/?token=<token>` (BRIDGE_TOKEN_PARAM in the page's query string);
 *  - the renderer reads `new URL(location.href).searchParams.get(BRIDGE_TOKEN_PARAM)` ONCE at start-up (keep it in
 *    memory or sessionStorage if it changes the URL later) and opens `ws://<location.host>${BRIDGE_PATH}?token=<token>`;
 *  - without the right token, from another Origin or Host, the upgrade is refused with HTTP 401/403 (no socket at all).
 * Under Electron there is no token: the preload's `window.api` (same BridgeTransport shape) is already present.
 */
export const BRIDGE_PATH = '/bridge';
export const BRIDGE_TOKEN_PARAM = 'token';
/** Largest frame either side accepts: one maximal attachment as base64 plus room for the envelope. */
export const BRIDGE_MAX_FRAME_BYTES = Math.ceil(MAX_BLOB_BYTES / 3) * 4 + 64 * 1024;

/** What the renderer gets from either host: `window.api` under Electron, the WebSocket bridge client in a browser. */
export interface BridgeTransport {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  onEvent(listener: (event: unknown) => void): () => void;
}

/** host → renderer frames. */
export const BridgeAnswerSchema = z.strictObject({
  id: z.number().int().min(0),
  result: z.union([
    z.strictObject({ ok: z.literal(true), value: z.unknown() }),
    z.strictObject({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) }),
  ]),
});
export const BridgePushSchema = z.strictObject({ event: z.unknown() });

export const BridgeRequestSchema = z.strictObject({
  id: z.number().int().min(0),
  channel: z.string().min(3).max(64),
  input: z.unknown(),
});
export type BridgeRequest = z.infer<typeof BridgeRequestSchema>;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += B64[a >> 2] + B64[((a & 3) << 4) | (b >> 4)];
    out += i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)] : '=';
    out += i + 2 < bytes.length ? B64[c & 63] : '=';
  }
  return out;
}

function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].map((k) => (i + k < clean.length ? B64.indexOf(clean[i + k]) : 0));
    if (n.some((v) => v < 0)) throw new Error('bad base64');
    const v = (n[0] << 18) | (n[1] << 12) | (n[2] << 6) | n[3];
    if (o < out.length) out[o++] = (v >> 16) & 255;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}

/** JSON.stringify with Uint8Array → { $bytes }. */
export function encodeFrame(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? { $bytes: toBase64(v) } : v));
}

/** JSON.parse with { $bytes } → Uint8Array. */
export function decodeFrame(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const bytes = (v as { $bytes?: unknown }).$bytes;
      if (keys.length === 1 && typeof bytes === 'string') return fromBase64(bytes);
    }
    return v;
  });
}
