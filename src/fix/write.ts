import { lstat, open, rename, unlink, access, constants } from 'node:fs/promises';
import { dirname, basename, join, relative, isAbsolute } from 'node:path';
import { createHash } from 'node:crypto';

export interface ReadSnapshot {
  abs: string;
  bytes: Buffer;
  mode: number;
  mtimeMs: number;
  sha256: string;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function snapshot(abs: string): Promise<ReadSnapshot> {
  const fh = await open(abs, 'r');
  try {
    const st = await fh.stat();
    const bytes = await fh.readFile();
    return { abs, bytes, mode: st.mode & 0o7777, mtimeMs: st.mtimeMs, sha256: sha(bytes) };
  } finally {
    await fh.close();
  }
}

export class RefusedWrite extends Error {}

/**
 * Replace a file's content safely: refuse symbolic links, files outside the root, read-only files and files
 * that changed since they were read; write a temporary file beside it with the same mode, then rename it over
 * the original (atomic on one file system).
 */
export async function replaceFile(root: string, snap: ReadSnapshot, text: string): Promise<void> {
  const rel = relative(root, snap.abs);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new RefusedWrite('outside the scan root');
  const st = await lstat(snap.abs);
  if (st.isSymbolicLink()) throw new RefusedWrite('a symbolic link (never written through)');
  try {
    await access(snap.abs, constants.W_OK);
  } catch {
    throw new RefusedWrite('read-only (no write permission)');
  }
  if ((st.mode & 0o222) === 0) throw new RefusedWrite('read-only (no write permission)');
  const now = await snapshot(snap.abs);
  if (now.sha256 !== snap.sha256 || now.mtimeMs !== snap.mtimeMs) throw new RefusedWrite('changed since it was read; run fix again');
  const tmp = join(dirname(snap.abs), `.${basename(snap.abs)}.azl-migrate-${process.pid}.tmp`);
  const fh = await open(tmp, 'wx', snap.mode);
  try {
    await fh.writeFile(text, 'utf8');
    await fh.chmod(snap.mode);
    await fh.sync();
  } catch (e) {
    await fh.close();
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  try {
    await rename(tmp, snap.abs);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
