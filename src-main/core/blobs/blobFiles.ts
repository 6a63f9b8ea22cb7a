/**
 * Blob bytes on disk: dataDir/blobs/<sha256>, content-addressed. Writes go to a temp file and are renamed into
 * place only after the hash is verified, so a crash or a full disk never leaves a half-written blob under its name.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { mapStorageError } from '../store/db.ts';

export function sha256Hex(data: Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class BlobFiles {
  readonly dir: string;
  private readonly tmpDir: string;
  readonly partialDir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'blobs');
    this.tmpDir = path.join(this.dir, 'tmp');
    this.partialDir = path.join(this.dir, 'partial');
    for (const d of [this.dir, this.tmpDir, this.partialDir]) fs.mkdirSync(d, { recursive: true });
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('VALIDATION_FAILED', { sha256 });
    return path.join(this.dir, sha256);
  }

  partialOf(sha256: string): string {
    return path.join(this.partialDir, `${this.pathOf(sha256).slice(-64)}.part`);
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }

  async read(sha256: string): Promise<Uint8Array<ArrayBuffer>> {
    const buf = await fs.promises.readFile(this.pathOf(sha256));
    return new Uint8Array(buf.buffer as ArrayBuffer, buf.byteOffset, buf.byteLength);
  }

  /** Writes bytes whose hash the caller computed; verifies it again after writing. */
  async write(sha256: string, data: Uint8Array): Promise<string> {
    const final = this.pathOf(sha256);
    if (fs.existsSync(final)) return final;
    const tmp = path.join(this.tmpDir, `${sha256}.${process.pid}.${crypto.randomUUID()}`);
    try {
      await fs.promises.writeFile(tmp, data, { flush: true });
      if ((await sha256OfFile(tmp)) !== sha256) throw new AppError('BLOB_HASH_MISMATCH');
      await fs.promises.rename(tmp, final);
      return final;
    } catch (e) {
      await fs.promises.rm(tmp, { force: true });
      throw mapStorageError(e);
    }
  }

  /** Moves a fully downloaded partial file into place after checking its hash. */
  async commitPartial(sha256: string): Promise<string> {
    const part = this.partialOf(sha256);
    const actual = await sha256OfFile(part);
    if (actual !== sha256) {
      await fs.promises.rm(part, { force: true });
      throw new AppError('BLOB_HASH_MISMATCH', { expected: sha256, actual });
    }
    const final = this.pathOf(sha256);
    await fs.promises.rename(part, final);
    return final;
  }
}
