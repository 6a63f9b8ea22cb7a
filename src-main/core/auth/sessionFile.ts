/**
 * What survives a restart outside the profile stores: the remembered server URL + last user name (login screen) and
 * the current session token so a restart resumes without a new login. Written atomically (temp + rename).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UnitSchema, UserSchema } from '../../../shared/schemas/directory.ts';
import { mapStorageError } from '../store/db.ts';

export const RememberedSchema = z.object({ serverUrl: z.string().nullable(), username: z.string().nullable() });
export type Remembered = z.infer<typeof RememberedSchema>;

export const StoredSessionSchema = z.object({
  serverUrl: z.string(),
  token: z.string().min(1),
  expiresAt: z.string(),
  user: UserSchema,
  unit: UnitSchema,
});
export type StoredSession = z.infer<typeof StoredSessionSchema>;

function readJson<T extends z.ZodType>(file: string, schema: T): z.output<T> | null {
  try {
    const r = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

function writeJson(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, JSON.stringify(value, null, 1), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw mapStorageError(e);
  }
}

export class SessionFiles {
  private readonly rememberedFile: string;
  private readonly sessionFile: string;
  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.rememberedFile = path.join(dataDir, 'remembered.json');
    this.sessionFile = path.join(dataDir, 'session.json');
  }
  remembered(): Remembered {
    return readJson(this.rememberedFile, RememberedSchema) ?? { serverUrl: null, username: null };
  }
  remember(r: Remembered): void {
    writeJson(this.rememberedFile, r);
  }
  session(): StoredSession | null {
    return readJson(this.sessionFile, StoredSessionSchema);
  }
  saveSession(s: StoredSession): void {
    writeJson(this.sessionFile, s);
  }
  clearSession(): void {
    fs.rmSync(this.sessionFile, { force: true });
  }
}
