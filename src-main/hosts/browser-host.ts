/**
 * The browser host: the built renderer and a WebSocket bridge to the client core, on 127.0.0.1 only, for machines
 * without the Electron runtime and for end-to-end tests in Chromium.
 *
 * Guards on the bridge (all checked before the WebSocket handshake completes):
 *  - the per-launch random token (`/bridge?token=…`, compared in constant time), else 401;
 *  - Origin must be this host's own origin and Host must be this host (DNS rebinding), else 403;
 *  - text frames only, at most BRIDGE_MAX_FRAME_BYTES; malformed frames close the socket (1008);
 *  - only IPC contract channels with schema-valid input reach the core (contract-gate.ts); anything else is answered
 *    with an error and never executed.
 */
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  BRIDGE_MAX_FRAME_BYTES, BRIDGE_PATH, BRIDGE_TOKEN_PARAM, BridgeRequestSchema, decodeFrame, encodeFrame,
} from '../../shared/ipc/bridge.ts';
import type { IpcResult } from '../../shared/ipc/define.ts';
import { gateRequest } from './contract-gate.ts';
import type { CorePort } from './core-port.ts';
import { contentTypeOf, readFileIfPresent, rendererCsp, resolveRendererFile, securityHeaders } from './static-files.ts';

export interface BrowserHostOptions {
  core: CorePort;
  rendererDir: string;
  host?: '127.0.0.1';
  port?: number;
  /** Largest accepted frame; defaults to BRIDGE_MAX_FRAME_BYTES (tests lower it). */
  maxFrameBytes?: number;
}

export interface BrowserHost {
  /** Page URL including the per-launch token. */
  url: string;
  /** http://127.0.0.1:PORT (no token): the only Origin the bridge accepts. */
  origin: string;
  port: number;
  close(): Promise<void>;
}

const HEARTBEAT_MS = 15_000;

function refuse(socket: Duplex, status: 400 | 401 | 403 | 404, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function sameToken(given: string | null, expected: Buffer): boolean {
  if (given === null) return false;
  const buf = Buffer.from(given);
  return buf.length === expected.length && timingSafeEqual(buf, expected);
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('the browser host listens on 127.0.0.1 only');
  const { core, rendererDir } = options;
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);

  const server = http.createServer();
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const port = address.port;
  const origin = `http://${host}:${port}`;
  const allowedHosts = new Set([`${host}:${port}`, `localhost:${port}`]);
  const csp = rendererCsp([`ws://${host}:${port}`]);
  const headers = securityHeaders(csp);

  server.on('request', (req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(403, headers).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const urlPath = pathOf(req.url);
    const file = urlPath === null ? null : resolveRendererFile(rendererDir, urlPath);
    const body = file === null ? null : readFileIfPresent(file);
    if (file === null || body === null) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const type = contentTypeOf(file);
    res.writeHead(200, {
      ...headers,
      'Content-Type': type,
      'Content-Length': String(body.length),
      'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? BRIDGE_MAX_FRAME_BYTES });
  const sockets = new Set<WebSocket>();

  server.on('upgrade', (req, socket, head) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      return refuse(socket, 400, 'Bad Request');
    }
    if (url.pathname !== BRIDGE_PATH) return refuse(socket, 404, 'Not Found');
    if (!sameToken(url.searchParams.get(BRIDGE_TOKEN_PARAM), tokenBytes)) return refuse(socket, 401, 'Unauthorized');
    if (req.headers.origin !== origin && req.headers.origin !== `http://localhost:${port}`) return refuse(socket, 403, 'Forbidden');
    if (!allowedHosts.has(req.headers.host ?? '')) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  });

  function pathOf(raw: string | undefined): string | null {
    try {
      return new URL(raw ?? '/', origin).pathname;
    } catch {
      return null;
    }
  }

  const unsubscribe = core.onEvent((event) => {
    const frame = encodeFrame({ event });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  function serveSocket(ws: WebSocket): void {
    sockets.add(ws);
    let alive = true;
    const heartbeat = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, HEARTBEAT_MS);
    heartbeat.unref();
    ws.on('pong', () => (alive = true));
    ws.on('close', () => {
      clearInterval(heartbeat);
      sockets.delete(ws);
    });
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only');
      let request;
      try {
        request = BridgeRequestSchema.safeParse(decodeFrame(data.toString()));
      } catch {
        return ws.close(1008, 'malformed frame');
      }
      if (!request.success) return ws.close(1008, 'malformed frame');
      const { id, channel, input } = request.data;
      void answer(channel, input).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(encodeFrame({ id, result }));
      });
    });
  }

  async function answer(channel: string, input: unknown): Promise<IpcResult<unknown>> {
    const gate = gateRequest(channel, input);
    if (!gate.ok) return gate.result;
    try {
      return await core.invoke(gate.channel, gate.input);
    } catch (err) {
      return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } };
    }
  }

  return {
    url: `${origin}/?${BRIDGE_TOKEN_PARAM}=${token}`,
    origin,
    port,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
