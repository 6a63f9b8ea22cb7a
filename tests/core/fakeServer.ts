/**
 * A scripted stand-in for the central server, as a `fetch` function, for the engine behaviours a real server cannot
 * be made to show on demand (503s, permanent rejections, an epoch that keeps changing, a revoked token).
 * It speaks the real protocol schemas; the integration tests use the real server.
 */
import { v7 as uuidv7 } from 'uuid';
import { API_PREFIX, type MutationResult } from '../../shared/sync/protocol.ts';
import type { Unit, User } from '../../shared/schemas/directory.ts';

export const FAKE_URL = 'http://127.0.0.1:9';

const unit = (code: string, name: string, kind: Unit['kind']): Unit => ({ code, name, shortName: name, kind, parent: null, docPrefix: '哈政办发', pinyin: '', disabled: false, sortOrder: 0 });
export const FAKE_UNITS = [unit('BGT', '市政府办公厅', 'general-office'), unit('D-DAOLI', '道里区人民政府', 'district')];
export const FAKE_USER: User = { id: uuidv7(), username: 'bgt.clerk', displayName: '王敏', unitCode: 'BGT', roles: ['clerk'], title: null, phone: null, disabled: false };

export type Reply = { status: number; body: unknown };

export class FakeServer {
  epoch = 'epoch-1';
  calls: { method: string; path: string }[] = [];
  pushed: { id: string; type: string }[] = [];
  /** Decides the answer to a push (default: apply everything). */
  onPush: (mutations: { id: string; type: string }[]) => Reply = (ms) => ({ status: 200, body: { results: ms.map((m): MutationResult => ({ id: m.id, status: 'applied' })) } });
  /** Decides the answer to a pull (default: nothing new). */
  onPull: (q: URLSearchParams) => Reply = (q) => {
    const e = q.get('epoch');
    if (e && e !== this.epoch) return { status: 409, body: { code: 'SYNC_EPOCH_CHANGED', message: '服务器数据已恢复', epoch: this.epoch } };
    return { status: 200, body: { epoch: this.epoch, unit: 'BGT', changes: [], cursor: Number(q.get('cursor') ?? 0), hasMore: false } };
  };
  tokenValid = true;

  count(path: string): number {
    return this.calls.filter((c) => c.path === path).length;
  }

  fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const path = url.pathname.slice(API_PREFIX.length);
    const method = init?.method ?? 'GET';
    this.calls.push({ method, path });
    const reply = (r: Reply) => new Response(JSON.stringify(r.body), { status: r.status, headers: { 'content-type': 'application/json' } });
    if (path === '/auth/login') {
      return reply({ status: 200, body: { token: 'fake-token-0123456789abcdef0123456789abcdef', expiresAt: '2099-01-01T00:00:00.000Z', user: FAKE_USER, unit: FAKE_UNITS[0] } });
    }
    if (!this.tokenValid) return reply({ status: 401, body: { code: 'AUTH_SESSION_EXPIRED', message: '登录已过期' } });
    if (path === '/directory') return reply({ status: 200, body: { units: FAKE_UNITS, groups: [], colleagues: [FAKE_USER] } });
    if (path === '/sync/push') {
      const body = JSON.parse(String(init?.body)) as { mutations: { id: string; type: string }[] };
      this.pushed.push(...body.mutations.map((m) => ({ id: m.id, type: m.type })));
      return reply(this.onPush(body.mutations));
    }
    if (path === '/sync/pull') return reply(this.onPull(url.searchParams));
    const status = /^\/blobs\/([0-9a-f]{64})\/status$/.exec(path);
    if (status) return reply({ status: 200, body: { sha256: status[1], size: 0, received: 0, complete: true, kind: 'png' } });
    return reply({ status: 404, body: { code: 'NOT_FOUND', message: 'not found' } });
  };
}

/** An 8-byte PNG signature + filler: enough for the type check by content. */
export function pngBytes(seed = 1): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(64);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  b.fill(seed, 8);
  return b;
}
