import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage } from '../infra/s3-storage';
import { submitCase } from './support/cases';
import { startObjectStore } from './support/object-store';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

// The production storage: documents in an S3-compatible bucket, here gofakes3 (a real S3-protocol server).
const policy = testPolicy('test-documents-s3', { rules: { FEEDBACK: secondsRule('FEEDBACK', 600, 600) }, ladder: { reminderBefore: seconds(1), graceAfterDue: seconds(600) } });
const BUCKET = 'petition-documents';
const MAX_FILE = 64 * 1024;
const credentials = { accessKeyId: 'test', secretAccessKey: 'test-secret' };

let sys: TestSystem;
let store: Awaited<ReturnType<typeof startObjectStore>>;
let s3: S3Client;
beforeAll(async () => {
  store = await startObjectStore(BUCKET);
  s3 = new S3Client({ region: 'us-east-1', endpoint: store.endpoint, forcePathStyle: true, credentials });
  const storage = createS3Storage({ bucket: BUCKET, endpoint: store.endpoint, region: 'us-east-1', forcePathStyle: true, ...credentials });
  sys = await startSystem({ clockPolicy: policy, documentStorage: storage, documentLimits: { maxFileBytes: MAX_FILE, maxCaseBytes: 10 * MAX_FILE } });
});
afterAll(async () => {
  await sys?.stop();
  s3?.destroy();
  await store?.stop();
});

const pdf = (text: string, size = 3000) => Buffer.concat([Buffer.from(`%PDF-1.4\n${text}\n`), Buffer.alloc(size, 0x20), Buffer.from('\n%%EOF\n')]);
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

async function upload(bytes: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const res = await fetch(`${sys.baseUrl}/api/documents`, { method: 'POST', headers: { 'x-requested-with': 'fetch' }, body: form });
  return { status: res.status, body: (await res.json()) as { id: string; code?: string } };
}

const keys = async () => ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key!).sort();

describe('documents in an S3-compatible object store', () => {
  it('stores a clean upload as an object with its type, and serves it back to the citizen', async () => {
    const letter = pdf('Đơn kiến nghị');
    const up = await upload(letter, 'Đơn.pdf');
    expect(up.status).toBe(201);
    const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `documents/${up.body.id}` }));
    expect(object.ContentType).toBe('application/pdf');
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(letter)).toBe(true);

    const c = await submitCase(sys, { categoryCode: 'dat-dai', unitCode: 'HS', type: 'FEEDBACK', documentIds: [up.body.id] });
    const res = await fetch(`${sys.baseUrl}/api/track/${c.trackingCode}/documents/${up.body.id}`, { headers: { 'x-case-secret': c.secret } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await res.arrayBuffer()).equals(letter)).toBe(true);
  });

  it('puts an infected upload in quarantine only, and stores nothing of a refused one', async () => {
    const before = await keys();
    const infected = await upload(pdf(EICAR), 'scan.pdf');
    expect(infected).toMatchObject({ status: 422, body: { code: 'upload_infected' } });
    const row = await sys.db.document.findFirstOrThrow({ where: { scanStatus: 'INFECTED' } });
    expect(await keys()).toEqual([...before, `quarantine/${row.id}`].sort());

    const after = await keys();
    expect((await upload(pdf('lớn', MAX_FILE + 100), 'lon.pdf')).status).toBe(413);
    expect((await upload(Buffer.from('MZ\x90\x00 không phải tài liệu'), 'thu.pdf')).status).toBe(415);
    expect(await keys()).toEqual(after);
  });
});
