/**
 * One running instance per data directory: two cores must never open the same local store. The lock file records
 * the pid and the URL, so a second `npm start` points the user at the running one instead of failing obscurely.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface InstanceRecord {
  pid: number;
  url: string | null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock, or returns the record of the live instance that holds it. */
export function acquireInstanceLock(dataDir: string): { acquired: true; release(url?: string | null): void; setUrl(url: string): void } | { acquired: false; holder: InstanceRecord } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'instance.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, url: null }), { flag: 'wx', mode: 0o600 });
      return {
        acquired: true,
        setUrl(url) {
          fs.writeFileSync(file, JSON.stringify({ pid: process.pid, url }), { mode: 0o600 });
        },
        release() {
          fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: InstanceRecord | null = null;
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as InstanceRecord;
      } catch {
        holder = null;
      }
      if (holder && typeof holder.pid === 'number' && holder.pid !== process.pid && alive(holder.pid)) return { acquired: false, holder };
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`cannot take ${file}`);
}
