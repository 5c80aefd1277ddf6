import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where uploaded documents are kept: a local folder by default, an S3-compatible object store in
 * production (infra/s3-storage.ts). Keys are the API's own (`documents/<uuid>`, `quarantine/<uuid>`),
 * never a user's file name.
 */
export interface DocumentStorage {
  /** The start-up line: where documents go. */
  readonly description: string;
  /** Stores the finished upload (a local file the storage may move away) under `key`. */
  putFile(key: string, path: string, meta: { size: number; contentType: string; sha256: string }): Promise<void>;
  /** The stored file as a stream. */
  read(key: string): Promise<Readable>;
}

/** Documents as files under `dir` (owner-only permissions); an upload staged on the same disk is moved, not copied. */
export function createDiskStorage(dir: string): DocumentStorage {
  const root = resolve(dir);
  const pathOf = (key: string) => {
    const path = resolve(root, key);
    if (!path.startsWith(`${root}/`)) throw new Error(`storage key outside the documents folder: ${key}`);
    return path;
  };
  return {
    description: `${root} (đĩa cục bộ / local disk)`,
    async putFile(key, path) {
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      try {
        await rename(path, target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
        await copyFile(path, target);
      }
    },
    async read(key) {
      const stream = createReadStream(pathOf(key));
      // Open before answering, so a missing file is an error here and not in the middle of a response.
      await new Promise<void>((ok, fail) => stream.once('open', () => ok()).once('error', fail));
      return stream;
    },
  };
}

/** Uploads in progress: a folder beside the documents, so finishing one is a rename. */
export const stagingDirOf = (documentsDir: string) => join(resolve(documentsDir), 'staging');
