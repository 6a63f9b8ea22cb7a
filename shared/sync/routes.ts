/**
 * HTTP routes of the central server (all under API_PREFIX, JSON unless noted, `Authorization: Bearer <token>`
 * except login and health). Request and response bodies are the schemas in ./protocol.ts and ../schemas/*.
 *
 *   GET  /health                      → { ok, epoch, version }                      (no auth)
 *   POST /auth/login                  LoginRequest → LoginResponse                  (no auth; back-off / lock-out)
 *   POST /auth/logout                 → { ok }                                       (revokes the token)
 *   POST /auth/password               ChangePasswordRequest → { ok }
 *   GET  /directory                   → Directory (all units, groups; colleagues of the caller's unit)
 *   POST /sync/push                   PushRequest → PushResponse (one result per mutation, in order)
 *   GET  /sync/pull?epoch&cursor&limit → PullResponse, or 409 MustRefetch when epoch ≠ server epoch
 *   GET  /live?token=…                WebSocket; server sends LiveMessage (hello, poke, ping every 15 s)
 *   GET  /blobs/:sha256/status        → BlobStatus (received bytes so far for this caller's upload)
 *   PUT  /blobs/:sha256?offset=&size=&name=   body: application/octet-stream chunk → BlobStatus
 *                                     (resumable: offset must equal received; the last chunk verifies SHA-256 and
 *                                      the type by content; idempotent: a complete blob answers complete at once)
 *   GET  /blobs/:sha256               → bytes (Range supported); only for units that uploaded it or received a
 *                                       record naming it
 *
 * Errors: `{ code, message, details? }` with httpStatusOf(code).
 */
export const ROUTES = {
  health: '/health',
  login: '/auth/login',
  logout: '/auth/logout',
  password: '/auth/password',
  directory: '/directory',
  push: '/sync/push',
  pull: '/sync/pull',
  live: '/live',
  blob: (sha256: string) => `/blobs/${sha256}`,
  blobStatus: (sha256: string) => `/blobs/${sha256}/status`,
} as const;
