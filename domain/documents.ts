/**
 * Uploaded documents: which files are taken (decided by their content, not their name), how their
 * names are kept, and the limits. Pure, so the API and the tests share one table.
 */

/** An upload not yet named by a submission or an action can be named for this long. */
export const DRAFT_DOCUMENT_TTL_MS = 24 * 3600_000;

/** Sizes as people read them: "20 MB" (mebibytes, one decimal when needed). */
export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Documents that come from the petitioner's side (whoever typed them in): for a denunciation they
 * may identify the denouncer, so they are shown only to those who may see the identity.
 */
export const PETITIONER_SIDE: ReadonlySet<string> = new Set(['submission', 'provideInfo', 'appeal']);

/** What the content says a file is (file-type's answer: its extension and MIME type). */
export interface SniffedType {
  ext: string;
  mime: string;
}

/** The MIME types taken, by what the content is: PDF, pictures (phones and scanners), Office and OpenDocument files. */
const ACCEPTED: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'image/tiff': 'TIFF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (.pptx)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument (.odt)',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument (.ods)',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument (.odp)',
};

/**
 * Word, Excel and PowerPoint 97–2003 files are all OLE2 compound files: the content proves that
 * much, and only then does the name's extension say which of the three to serve it as.
 */
const OLE2 = 'application/x-cfb';
const OLE2_BY_EXTENSION: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' };

/** The file picker's `accept`: the types above by MIME type and extension (phones offer the camera for images). */
export const ACCEPT_ATTRIBUTE = [
  ...Object.keys(ACCEPTED),
  ...['pdf', 'jpg', 'jpeg', 'png', 'webp', 'heic', 'heif', 'tif', 'tiff', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', ...Object.keys(OLE2_BY_EXTENSION)].map((e) => `.${e}`),
].join(',');

/** The kinds taken, for the message that refuses a file. */
export const ACCEPTED_KINDS = 'PDF, JPEG, PNG, WebP, HEIC, TIFF, Word, Excel, PowerPoint, OpenDocument';

/** The type a file is stored and served with, or null when it is not taken. */
export function acceptedType(sniffed: SniffedType | undefined, name: string): string | null {
  if (!sniffed) return null;
  if (sniffed.mime === OLE2) return OLE2_BY_EXTENSION[extensionOf(name)] ?? null;
  return sniffed.mime in ACCEPTED ? sniffed.mime : null;
}

const extensionOf = (name: string) => /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * The name shown and offered on download: the uploader's, without any folder, control or
 * direction characters, or characters Windows refuses in a name; Vietnamese letters stay.
 */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (!cleaned) return 'tai-lieu';
  // Long names are cut in the middle, keeping the extension.
  if ([...cleaned].length <= 200) return cleaned;
  const ext = extensionOf(cleaned);
  return [...cleaned].slice(0, 190).join('').trimEnd() + (ext ? `.${ext}` : '');
}

/** `Content-Disposition: attachment` with the name for every browser: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachmentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
