import { useState } from 'preact/hooks';
import { ACCEPT_ATTRIBUTE, megabytes } from '../../../domain/documents';
import { api, ApiError, type ApiType, type FieldProblem } from '../api';
import { label, pick, t } from '../i18n';
import { useLoad } from './data';
import { Field } from './form';

/** A document as the API lists it; `name` is null when the reader may not see the petitioner's. */
export type DocumentInfo = ApiType<'DocumentInfo'>;

/** POST /api/documents with progress (fetch reports none for uploads); the API's problem as an ApiError. */
function uploadFile(file: File, onProgress: (percent: number) => void): Promise<DocumentInfo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Không kết nối được máy chủ / cannot reach the server'));
    xhr.onload = () => {
      let body: { code?: string; detail?: string; fields?: FieldProblem[] } & Partial<DocumentInfo> = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        /* not JSON: the status says enough */
      }
      if (xhr.status === 201) resolve(body as DocumentInfo);
      else reject(new ApiError(xhr.status, body.code ?? `http_${xhr.status}`, body.detail ?? `HTTP ${xhr.status}`, body.fields ?? []));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** What a document came with: its own words for the petition and the usual actions, else the action's name. */
const cameWith = (action: string) => (label('attachedWith', action) === action ? label('action', action) : label('attachedWith', action));

const sizeOf = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : megabytes(bytes));

/**
 * Choose files, each uploaded at once with its progress; what the server refuses (too large, not
 * a document, malware) is said on the field. `value` is what the form will name in `documentIds`.
 */
export function UploadField({ label: fieldLabel, value, onChange, error }: { label: string; value: DocumentInfo[]; onChange: (docs: DocumentInfo[]) => void; error?: string | undefined }) {
  const limits = useLoad<ApiType<'DocumentLimits'>>('/api/documents/limits');
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const choose = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    let docs = value;
    const refused: string[] = [];
    for (const file of files) {
      if (limits.data && file.size > limits.data.maxFileBytes) {
        refused.push(`${file.name}: ${t('fileTooLarge')} ${megabytes(limits.data.maxFileBytes)}`);
        continue;
      }
      setProgress({ name: file.name, percent: 0 });
      try {
        docs = [...docs, await uploadFile(file, (percent) => setProgress({ name: file.name, percent }))];
        onChange(docs);
      } catch (err) {
        refused.push(`${file.name}: ${err instanceof ApiError ? pick(err.message) : String(err)}`);
      }
    }
    setProgress(null);
    setProblems(refused);
  };
  const shown = [...problems, ...(error ? [pick(error)] : [])].join(' — ');
  return (
    <div class="upload">
      <Field label={fieldLabel} hint={`${t('uploadHint')}${limits.data ? ` ${t('maxPerFile')} ${megabytes(limits.data.maxFileBytes)}.` : ''}`} error={shown || undefined}>
        {(p) => <input {...p} type="file" multiple accept={ACCEPT_ATTRIBUTE} disabled={progress !== null} onChange={(e) => void choose(e)} />}
      </Field>
      {progress && (
        <div role="status" class="hint">
          {t('uploading')} {progress.name} <progress max={100} value={progress.percent} aria-label={`${t('uploading')} ${progress.name}`} /> {progress.percent}%
        </div>
      )}
      {value.length > 0 && (
        <ul class="documents" aria-label={t('uploadedFiles')}>
          {value.map((d) => (
            <li key={d.id}>
              {d.name} <span class="hint">({sizeOf(d.size)})</span> <ScanBadge status={d.scanStatus} />{' '}
              <button type="button" class="linklike" onClick={() => onChange(value.filter((x) => x.id !== d.id))}>{t('remove')}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ScanBadge({ status }: { status: DocumentInfo['scanStatus'] }) {
  return <span class={`badge ${status === 'CLEAN' ? 'ok' : 'bad'}`} data-testid="scan-status">{label('scan', status)}</span>;
}

/** Saves a fetched file under its name (the citizen's download carries the secret in a header, so no plain link). */
function saveAs(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A case's documents with their scan status. Staff download by link (their session cookie);
 * a citizen's download sends the secret (`secret` given), fetched and saved from the page.
 */
export function DocumentList({ documents, href, secret }: { documents: DocumentInfo[]; href: (d: DocumentInfo) => string; secret?: string }) {
  const [error, setError] = useState<string | null>(null);
  if (documents.length === 0) return <p>{t('noDocuments')}</p>;
  const fetchAndSave = async (d: DocumentInfo) => {
    setError(null);
    const res = await fetch(href(d), { headers: { 'X-Case-Secret': secret ?? '' } });
    if (!res.ok) {
      const problem = (await res.json().catch(() => ({}))) as { detail?: string };
      return setError(pick(problem.detail ?? `HTTP ${res.status}`));
    }
    saveAs(await res.blob(), d.name ?? 'tai-lieu');
  };
  return (
    <>
      {error && <p class="alert error" role="alert">{error}</p>}
      <ul class="documents" aria-label={t('caseDocuments')}>
        {documents.map((d) => (
          <li key={d.id} data-testid="document">
            {d.name === null ? <span class="hint">{t('withheldDocument')}</span> : secret === undefined ? <a href={href(d)} download={d.name}>{d.name}</a> : (
              <button type="button" class="linklike" onClick={() => void fetchAndSave(d)}>{d.name}</button>
            )}{' '}
            <span class="hint">({sizeOf(d.size)}{d.attachedWith ? `, ${cameWith(d.attachedWith)}` : ''})</span> <ScanBadge status={d.scanStatus} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The documents a form will send, as the body's `documentIds` (left out when none). */
export const documentIdsOf = (docs: DocumentInfo[]) => (docs.length ? { documentIds: docs.map((d) => d.id) } : {});

/** A case's documents as the citizen sees them, with the secret. */
export const citizenDocuments = (code: string, secret: string) => api<ApiType<'DocumentList'>>(`/api/track/${encodeURIComponent(code)}/documents`, { headers: { 'X-Case-Secret': secret.trim() } });
