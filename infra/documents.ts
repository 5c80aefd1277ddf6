import { createClamdScanner, type MalwareScanner } from './clamd';
import type { Config } from './config';
import { createDiskStorage, stagingDirOf, type DocumentStorage } from './document-storage';

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

type DocumentConfig = Pick<Config, 'CLAMD_URL' | 'DOCUMENTS_DIR' | 'UPLOAD_MAX_FILE_BYTES' | 'UPLOAD_MAX_CASE_BYTES'>;

/** The API's documents as the configuration says (README: "Uploaded documents"). */
export function documentsFromConfig(config: DocumentConfig): DocumentDeps {
  return {
    storage: createDiskStorage(config.DOCUMENTS_DIR),
    scanner: createClamdScanner(config.CLAMD_URL),
    stagingDir: stagingDirOf(config.DOCUMENTS_DIR),
    limits: { maxFileBytes: config.UPLOAD_MAX_FILE_BYTES, maxCaseBytes: config.UPLOAD_MAX_CASE_BYTES },
  };
}
