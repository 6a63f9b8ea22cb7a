// @vitest-environment jsdom
/**
 * The typed api client: `{ ok:false, error }` becomes a thrown ApiError with the code, the UI shows the code's
 * zh-CN/en message; the WebSocket bridge transport speaks the frames of shared/ipc/bridge.ts.
 */
import './setup-dom.ts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame } from '../../shared/ipc/bridge.ts';
import { ERROR_MESSAGES } from '../../shared/errors.ts';
import { contract } from '../../shared/ipc/contract.ts';
import { bridgeTransport, bridgeUrlFromLocation } from '../../src-renderer/api/bridgeTransport.ts';
import { createApi } from '../../src-renderer/api/client.ts';
import { ApiError, userMessage } from '../../src-renderer/api/errors.ts';
import { preloadTransport } from '../../src-renderer/api/transport.ts';
import { setTransport } from '../../src-renderer/api/index.ts';
import { ErrorAlert } from '../../src-renderer/app/ErrorAlert.tsx';
import { setupI18n } from '../../src-renderer/i18n/index.ts';
import { useSession } from '../../src-renderer/stores/session.ts';
import { CodedFailure, fakeTransport } from './fakeTransport.ts';

setupI18n('zh-CN');

describe('api client', () => {
  it('returns the value of a successful call, sending the channel and input', async () => {
    const t = fakeTransport({ 'documents.counts': () => ({ unsigned: 3, unread: 1, urgentUnsigned: 0 }) });
    const api = createApi(t);
    await expect(api.documents.counts({})).resolves.toEqual({ unsigned: 3, unread: 1, urgentUnsigned: 0 });
    expect(t.calls).toEqual([{ channel: 'documents.counts', input: {} }]);
  });

  it('throws an ApiError carrying the code for { ok:false }', async () => {
    const api = createApi(fakeTransport({ 'auth.login': () => new CodedFailure('AUTH_BAD_PASSWORD', '用户名或密码错误') }));
    const err = await api.auth.login({ username: 'bgt.clerk', password: 'wrong' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('AUTH_BAD_PASSWORD');
    expect(userMessage(err, 'zh-CN')).toBe('用户名或密码错误');
    expect(userMessage(err, 'en-US')).toBe('Wrong user name or password');
  });

  it('maps an unknown code to INTERNAL but keeps the raw code', async () => {
    const api = createApi(fakeTransport({ 'sync.now': () => new CodedFailure('SOMETHING_NEW') }));
    const err = (await api.sync.now({}).catch((e: unknown) => e)) as ApiError;
    expect(err.code).toBe('INTERNAL');
    expect(err.rawCode).toBe('SOMETHING_NEW');
    expect(userMessage(new Error('boom'), 'zh-CN')).toBe(ERROR_MESSAGES.INTERNAL.zh);
  });

  it('exposes exactly the contract operations, frozen', () => {
    const api = createApi(fakeTransport({}));
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    expect(Object.keys(api.documents).sort()).toEqual(Object.keys(contract.documents).sort());
    expect(Object.isFrozen(api.documents)).toBe(true);
    expect((api.documents as unknown as Record<string, unknown>).dropTables).toBeUndefined();
  });

  it('shows the message for the code in the chosen language', async () => {
    setTransport(fakeTransport({}));
    useSession.getState().setLang('zh-CN');
    const err = new ApiError('SERVER_UNREACHABLE', 'connect ECONNREFUSED');
    const { rerender } = render(<ErrorAlert error={err} />);
    expect(screen.getByText('无法连接服务器')).toBeTruthy();
    expect(screen.getByTestId('error-alert').getAttribute('data-code')).toBe('SERVER_UNREACHABLE');
    useSession.getState().setLang('en-US');
    rerender(<ErrorAlert error={err} />);
    expect(screen.getByText('Cannot reach the server')).toBeTruthy();
    useSession.getState().setLang('zh-CN');
  });
});

/** A scripted WebSocket: records sent frames, lets the test open it and answer. */
class ScriptedSocket {
  static last: ScriptedSocket | null = null;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) { ScriptedSocket.last = this; }
  send(frame: string) { this.sent.push(frame); }
  close() { this.onclose?.(); }
  open() { this.onopen?.(); }
  answer(frame: unknown) { this.onmessage?.({ data: encodeFrame(frame) }); }
}

describe('bridge transport', () => {
  it('puts the page token on the WebSocket URL', () => {
    const loc = { protocol: 'http:', host: '127.0.0.1:4321', search: '?token=abc+/=' } as Location;
    expect(bridgeUrlFromLocation(loc)).toBe('ws://127.0.0.1:4321/bridge?token=abc%20%2F%3D');
  });

  it('queues requests until open, matches answers by id, carries bytes, and delivers events', async () => {
    const t = bridgeTransport({ url: 'ws://x/bridge?token=t', WebSocketImpl: ScriptedSocket as unknown as typeof WebSocket });
    const api = createApi(t);
    const events: string[] = [];
    t.onEvent((e) => events.push(e.type));
    const reading = api.files.read({ sha256: 'a'.repeat(64) });
    const failing = api.documents.sign({ deliveryId: '0190a0b0-0000-7000-8000-000000000001' });
    const socket = ScriptedSocket.last as ScriptedSocket;
    expect(socket.sent).toHaveLength(0);
    socket.open();
    expect(socket.sent).toHaveLength(2);
    const [r1, r2] = socket.sent.map((f) => decodeFrame(f) as { id: number; channel: string });
    expect([r1.channel, r2.channel]).toEqual(['files.read', 'documents.sign']);
    // Answer out of order.
    socket.answer({ id: r2.id, result: { ok: false, error: { code: 'DELIVERY_BAD_STATE', message: 'x' } } });
    socket.answer({ id: r1.id, result: { ok: true, value: { sha256: 'a'.repeat(64), kind: 'pdf', data: new Uint8Array([37, 80, 68, 70]) } } });
    socket.answer({ event: { type: 'changed', entities: ['delivery'] } });
    socket.answer({ event: { type: 'bogus' } });
    const file = await reading;
    expect(Array.from(file.data)).toEqual([37, 80, 68, 70]);
    await expect(failing).rejects.toMatchObject({ code: 'DELIVERY_BAD_STATE' });
    expect(events).toEqual(['changed']);
  });

  it('fails requests in flight when the socket drops instead of hanging', async () => {
    const t = bridgeTransport({ url: 'ws://x/bridge', WebSocketImpl: ScriptedSocket as unknown as typeof WebSocket });
    const api = createApi(t);
    const p = api.sync.status({});
    const socket = ScriptedSocket.last as ScriptedSocket;
    socket.open();
    socket.close();
    await expect(p).rejects.toBeInstanceOf(ApiError);
  });
});

describe('preload transport (Electron)', () => {
  it('unwraps IpcResult replies, turns a malformed reply into INTERNAL, and passes only valid events', async () => {
    let listener: ((e: unknown) => void) | null = null;
    const preload = {
      invoke: async (channel: string) => (channel === 'documents.counts'
        ? { ok: true, value: { unsigned: 1, unread: 0, urgentUnsigned: 0 } }
        : channel === 'sync.now' ? 'garbage' : { ok: false, error: { code: 'FORBIDDEN', message: 'unknown channel' } }),
      onEvent: (cb: (e: unknown) => void) => { listener = cb; return () => { listener = null; }; },
    };
    const t = preloadTransport(preload);
    const api = createApi(t);
    await expect(api.documents.counts({})).resolves.toEqual({ unsigned: 1, unread: 0, urgentUnsigned: 0 });
    await expect(api.sync.now({})).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(api.auth.logout({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const seen: string[] = [];
    const off = t.onEvent((e) => seen.push(e.type));
    listener!({ type: 'changed', entities: ['document'] });
    listener!({ type: 'changed', entities: 'not-a-list' });
    listener!({ type: 'rm -rf' });
    expect(seen).toEqual(['changed']);
    off();
    expect(listener).toBeNull();
  });
});
