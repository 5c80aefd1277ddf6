import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { DocumentStorage } from './document-storage';

export interface S3Options {
  bucket: string;
  /** An S3-compatible server's URL (MinIO, Ceph, a cloud's object storage); unset: AWS itself. */
  endpoint?: string | undefined;
  region: string;
  /** Unset: the SDK's usual chain (environment, profile, instance role). */
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  /** Buckets in the path (`host/bucket/key`), as most S3-compatible servers want. */
  forcePathStyle: boolean;
}

/**
 * Documents in an S3-compatible bucket (production: every API replica sees the same files). The
 * upload was staged on local disk, so its length and SHA-256 are known: the object is sent in one
 * PUT with both, and the store checks the bytes it received against the hash.
 */
export function createS3Storage(opts: S3Options): DocumentStorage {
  const client = new S3Client({
    region: opts.region,
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    forcePathStyle: opts.forcePathStyle,
    ...(opts.accessKeyId && opts.secretAccessKey ? { credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey } } : {}),
    // Only the checksums S3 requires: the SHA-256 below is ours; trailing checksums many compatible servers refuse.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    description: `s3://${opts.bucket}${opts.endpoint ? ` at ${opts.endpoint}` : ''} (kho đối tượng / object store)`,
    async putFile(key, path, meta) {
      await client.send(
        new PutObjectCommand({
          Bucket: opts.bucket, Key: key, Body: createReadStream(path), ContentLength: meta.size, ContentType: meta.contentType,
          ChecksumSHA256: Buffer.from(meta.sha256, 'hex').toString('base64'),
        }),
      );
    },
    async read(key) {
      const answer = await client.send(new GetObjectCommand({ Bucket: opts.bucket, Key: key }));
      if (!(answer.Body instanceof Readable)) throw new Error(`s3://${opts.bucket}/${key}: no body`);
      return answer.Body;
    },
  };
}
