/** The bridge's frame codec: bytes survive the trip exactly, in the standard base64 alphabet, Buffers included. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, fromBase64Portable, toBase64Portable } from '../../shared/ipc/bridge.ts';

describe('bridge frame codec', () => {
  it.each([0, 1, 2, 3, 4, 5, 3 * 8192 - 1, 3 * 8192, 3 * 8192 + 1, 1_000_003])('round-trips %i random bytes as standard base64', (n) => {
    const bytes = new Uint8Array(randomBytes(n));
    const frame = encodeFrame({ id: 7, input: { data: bytes } });
    expect(JSON.parse(frame).input.data.$bytes).toBe(Buffer.from(bytes).toString('base64'));
    const back = decodeFrame(frame) as { id: number; input: { data: Uint8Array } };
    expect(back.input.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(back.input.data).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each([0, 1, 2, 3, 3 * 8192 - 1, 3 * 8192 + 1, 100_001])('the portable codec (browsers without native base64) agrees on %i bytes', (n) => {
    const bytes = new Uint8Array(randomBytes(n));
    const text = toBase64Portable(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(fromBase64Portable(text)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('encodes a Node Buffer as bytes, not as its toJSON form', () => {
    const frame = encodeFrame({ data: Buffer.from([1, 2, 3]) });
    expect(JSON.parse(frame)).toEqual({ data: { $bytes: 'AQID' } });
  });

  it('refuses malformed base64 and leaves ordinary objects alone', () => {
    expect(() => decodeFrame('{"data":{"$bytes":"AQ*D"}}')).toThrow(/bad base64/);
    expect(decodeFrame('{"data":{"$bytes":1},"x":{"$bytes":"AQID","y":1}}')).toEqual({ data: { $bytes: 1 }, x: { $bytes: 'AQID', y: 1 } });
  });
});
