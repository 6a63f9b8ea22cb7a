/**
 * HTTP client of the central server (routes in shared/sync/routes.ts). Every failure becomes an AppError:
 * no network → SERVER_UNREACHABLE, the simulated cable pull → SYNC_OFFLINE, HTTP errors → the server's code
 * with { httpStatus } in details so the sync engine can tell transient from permanent.
 */
import { z } from 'zod';
import { AppError, isErrorCode } from '../../../shared/errors.ts';
import { API_PREFIX, LoginResponseSchema, MustRefetchSchema, PullResponseSchema, PushResponseSchema, type LoginResponse } from '../../../shared/sync/protocol.ts';
import { ROUTES } from '../../../shared/sync/routes.ts';
import { DirectorySchema, type Directory } from '../../../shared/schemas/directory.ts';
import { BlobStatusSchema, type BlobStatus } from '../../../shared/schemas/blobs.ts';

export interface ApiOptions {
  serverUrl: string;
  fetch: typeof fetch;
  token: () => string | null;
  isOffline: () => boolean;
  timeoutMs?: number;
}

const ErrorBodySchema = z.object({ code: z.string(), message: z.string().optional(), details: z.unknown().optional() });

export function httpStatusOfError(e: unknown): number | null {
  if (!(e instanceof AppError)) return null;
  const s = (e.details as { httpStatus?: unknown } | undefined)?.httpStatus;
  return typeof s === 'number' ? s : null;
}

/** Worth retrying later: no network, server down, 5xx, 408/429. */
export function isTransient(e: unknown): boolean {
  if (!(e instanceof AppError)) return true;
  if (e.code === 'SERVER_UNREACHABLE' || e.code === 'SYNC_OFFLINE') return true;
  const s = httpStatusOfError(e);
  return s !== null && (s >= 500 || s === 408 || s === 429);
}

export function normalizeServerUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

export class ServerApi {
  readonly serverUrl: string;
  private readonly closing = new AbortController();
  constructor(private readonly opts: ApiOptions) {
    this.serverUrl = normalizeServerUrl(opts.serverUrl);
  }

  /** Aborts every request in flight (the profile is closing): nothing waits for a slow network on logout or quit. */
  abortAll(): void {
    this.closing.abort();
  }

  url(route: string, query?: Record<string, string | number | undefined>): string {
    const u = new URL(this.serverUrl + API_PREFIX + route);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) u.searchParams.set(k, String(v));
    return u.toString();
  }

  liveUrl(): string {
    const u = new URL(this.url(ROUTES.live));
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    u.searchParams.set('token', this.opts.token() ?? '');
    return u.toString();
  }

  /** Raw fetch with auth, offline simulation and error mapping; returns the Response when ok. */
  async raw(method: string, route: string, init: { query?: Record<string, string | number | undefined>; body?: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string>; auth?: boolean; timeoutMs?: number } = {}): Promise<Response> {
    if (this.opts.isOffline()) throw new AppError('SYNC_OFFLINE');
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    const token = this.opts.token();
    if (init.auth !== false && token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await this.opts.fetch(this.url(route, init.query), {
        method, headers, body: init.body,
        signal: AbortSignal.any([AbortSignal.timeout(init.timeoutMs ?? this.opts.timeoutMs ?? 30_000), this.closing.signal]),
      });
    } catch (e) {
      throw new AppError('SERVER_UNREACHABLE', { cause: String((e as Error)?.message ?? e) });
    }
    if (this.opts.isOffline()) {
      await res.body?.cancel().catch(() => undefined);
      throw new AppError('SYNC_OFFLINE');
    }
    if (res.ok) return res;
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    const parsed = ErrorBodySchema.safeParse(body);
    const code = parsed.success && isErrorCode(parsed.data.code) ? parsed.data.code : res.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
    const extra = parsed.success && parsed.data.details !== undefined ? { server: parsed.data.details } : {};
    const epoch = MustRefetchSchema.safeParse(body);
    throw new AppError(code, { httpStatus: res.status, ...extra, ...(epoch.success ? { epoch: epoch.data.epoch } : {}) }, parsed.success ? parsed.data.message : undefined);
  }

  async json<T extends z.ZodType>(schema: T, method: string, route: string, init: Parameters<ServerApi['raw']>[2] & { json?: unknown } = {}): Promise<z.output<T>> {
    const { json, ...rest } = init;
    const res = await this.raw(method, route, json === undefined ? rest : { ...rest, body: JSON.stringify(json), headers: { 'content-type': 'application/json', ...(rest.headers ?? {}) } });
    const data: unknown = await res.json().catch(() => {
      throw new AppError('SERVER_UNREACHABLE', { cause: 'bad JSON from server' });
    });
    const out = schema.safeParse(data);
    if (!out.success) throw new AppError('INTERNAL', { httpStatus: 502, issues: out.error.issues.slice(0, 5) }, `服务器响应格式不符: ${route}`);
    return out.data;
  }

  login(username: string, password: string): Promise<LoginResponse> {
    return this.json(LoginResponseSchema, 'POST', ROUTES.login, { json: { username, password }, auth: false });
  }

  async logout(): Promise<void> {
    await this.raw('POST', ROUTES.logout, { body: '{}', headers: { 'content-type': 'application/json' } });
  }

  directory(): Promise<Directory> {
    return this.json(DirectorySchema, 'GET', ROUTES.directory);
  }

  push(mutations: unknown[]) {
    return this.json(PushResponseSchema, 'POST', ROUTES.push, { json: { mutations } });
  }

  pull(epoch: string | null, cursor: number, limit: number) {
    return this.json(PullResponseSchema, 'GET', ROUTES.pull, { query: { epoch: epoch ?? undefined, cursor, limit } });
  }

  blobStatus(sha256: string): Promise<BlobStatus> {
    return this.json(BlobStatusSchema, 'GET', ROUTES.blobStatus(sha256));
  }

  putChunk(sha256: string, offset: number, size: number, name: string, chunk: Uint8Array<ArrayBuffer>): Promise<BlobStatus> {
    return this.json(BlobStatusSchema, 'PUT', ROUTES.blob(sha256), {
      query: { offset, size, name },
      body: chunk,
      headers: { 'content-type': 'application/octet-stream' },
      timeoutMs: 120_000,
    });
  }

  getBlob(sha256: string, from: number): Promise<Response> {
    return this.raw('GET', ROUTES.blob(sha256), { headers: from > 0 ? { range: `bytes=${from}-` } : {}, timeoutMs: 300_000 });
  }
}
