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
const ENC = Uint16Array.from(B64, (c) => c.charCodeAt(0));
const DEC = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) DEC[B64.charCodeAt(i)] = i;
const PAD = 61; // '='
/** Bytes per chunk: a multiple of 3 so only the last chunk pads; small enough for String.fromCharCode.apply. */
const CHUNK = 3 * 8192;

/**
 * Native base64 where the platform has it (Uint8Array.prototype.toBase64 / Uint8Array.fromBase64 in current Chromium,
 * Buffer in Node): the portable loops below are ~10× slower on a 10 MB attachment. Looked up on globalThis so shared/
 * stays free of Node and DOM types.
 */
interface NativeBuffer {
  from(data: Uint8Array | ArrayBufferLike | string, offsetOrEncoding?: number | string, length?: number): Uint8Array & { toString(encoding: string): string };
}
const nativeBuffer = (globalThis as { Buffer?: NativeBuffer }).Buffer;
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
const BASE64_TEXT = /^[A-Za-z0-9+/]*={0,2}$/;

function toBase64(bytes: Uint8Array): string {
  const own = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof own === 'function') return own.call(bytes);
  if (nativeBuffer) return nativeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return toBase64Portable(bytes);
}

function fromBase64(text: string): Uint8Array {
  if (!BASE64_TEXT.test(text)) throw new Error('bad base64');
  if (typeof nativeFromBase64 === 'function') {
    try {
      return nativeFromBase64.call(Uint8Array, text);
    } catch {
      throw new Error('bad base64');
    }
  }
  if (nativeBuffer) return new Uint8Array(nativeBuffer.from(text, 'base64'));
  return fromBase64Portable(text);
}

export function toBase64Portable(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    const codes = new Uint16Array(Math.ceil((end - start) / 3) * 4);
    let o = 0;
    for (let i = start; i < end; i += 3) {
      const a = bytes[i];
      const b = i + 1 < end ? bytes[i + 1] : 0;
      const c = i + 2 < end ? bytes[i + 2] : 0;
      codes[o++] = ENC[a >> 2];
      codes[o++] = ENC[((a & 3) << 4) | (b >> 4)];
      codes[o++] = i + 1 < end ? ENC[((b & 15) << 2) | (c >> 6)] : PAD;
      codes[o++] = i + 2 < end ? ENC[c & 63] : PAD;
    }
    parts.push(String.fromCharCode.apply(null, codes as unknown as number[]));
  }
  return parts.join('');
}

export function fromBase64Portable(text: string): Uint8Array {
  let len = text.length;
  while (len > 0 && text.charCodeAt(len - 1) === PAD) len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < len; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? DEC[code] : -1;
    if (v < 0) throw new Error('bad base64');
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (o < out.length) out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}

/** JSON.stringify with Uint8Array (Buffer included) → { $bytes }. */
export function encodeFrame(value: unknown): string {
  // `this[k]` is the value before toJSON, so a Node Buffer (a Uint8Array with toJSON) is encoded as bytes too.
  return JSON.stringify(value, function (this: Record<string, unknown>, k: string, v: unknown) {
    const original = this[k];
    return original instanceof Uint8Array ? { $bytes: toBase64(original) } : v;
  });
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
