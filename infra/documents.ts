import { createClamdScanner, type MalwareScanner } from './clamd';
import type { Config } from './config';
import { createDiskStorage, stagingDirOf, type DocumentStorage } from './document-storage';
import { createS3Storage } from './s3-storage';

export interface DocumentLimits {
  maxFileBytes: number;
  maxCaseBytes: number;
}

/** What uploads and downloads need: where files go, the malware scanner, the limits. */
export interface DocumentDeps {
  storage: DocumentStorage;
  scanner: MalwareScanner;
  /** Uploads in progress, on local disk. */
  stagingDir: string;
  limits: DocumentLimits;
}

type DocumentConfig = Pick<Config, 'CLAMD_URL' | 'DOCUMENTS_DIR' | 'UPLOAD_MAX_FILE_BYTES' | 'UPLOAD_MAX_CASE_BYTES'> &
  Partial<Pick<Config, 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'>>;

/** The object store when S3_BUCKET is set, else the documents folder. */
function storageOf(config: DocumentConfig): DocumentStorage {
  if (!config.S3_BUCKET) return createDiskStorage(config.DOCUMENTS_DIR);
  return createS3Storage({
    bucket: config.S3_BUCKET, endpoint: config.S3_ENDPOINT, region: config.S3_REGION ?? 'us-east-1',
    accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE ? config.S3_FORCE_PATH_STYLE === 'true' : Boolean(config.S3_ENDPOINT),
  });
}

/** The API's documents as the configuration says (README: "Uploaded documents"). */
export function documentsFromConfig(config: DocumentConfig): DocumentDeps {
  return {
    storage: storageOf(config),
    scanner: createClamdScanner(config.CLAMD_URL),
    stagingDir: stagingDirOf(config.DOCUMENTS_DIR),
    limits: { maxFileBytes: config.UPLOAD_MAX_FILE_BYTES, maxCaseBytes: config.UPLOAD_MAX_CASE_BYTES },
  };
}
