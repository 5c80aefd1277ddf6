import { describe, expect, it } from 'vitest';
import { acceptedType, attachmentDisposition, cleanFileName } from './documents';

describe('acceptedType: by content, the name only tells the three OLE2 Office kinds apart', () => {
  it.each([
    [{ ext: 'pdf', mime: 'application/pdf' }, 'thu.pdf', 'application/pdf'],
    [{ ext: 'pdf', mime: 'application/pdf' }, 'anh.jpg', 'application/pdf'],
    [{ ext: 'jpg', mime: 'image/jpeg' }, 'scan', 'image/jpeg'],
    [{ ext: 'heic', mime: 'image/heic' }, 'IMG_0001.HEIC', 'image/heic'],
    [{ ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, 'don.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    [{ ext: 'cfb', mime: 'application/x-cfb' }, 'don.DOC', 'application/msword'],
    [{ ext: 'cfb', mime: 'application/x-cfb' }, 'bang.xls', 'application/vnd.ms-excel'],
    [{ ext: 'cfb', mime: 'application/x-cfb' }, 'setup.msi', null],
    [{ ext: 'exe', mime: 'application/x-msdownload' }, 'thu.pdf', null],
    [{ ext: 'zip', mime: 'application/zip' }, 'hoso.zip', null],
    [{ ext: 'html', mime: 'text/html' }, 'a.pdf', null],
    [undefined, 'thu.pdf', null],
  ] as const)('%o named %s → %s', (sniffed, name, expected) => {
    expect(acceptedType(sniffed, name)).toBe(expected);
  });
});

describe('cleanFileName', () => {
  it.each([
    ['Đơn khiếu nại.pdf', 'Đơn khiếu nại.pdf'],
    ['C:\\Users\\an\\Ảnh chụp.jpg', 'Ảnh chụp.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['..hidden.pdf', 'hidden.pdf'],
    ['bad\u202Efdp.exe', 'badfdp.exe'],
    ['a<b>:c"|?*.pdf', 'a_b__c____.pdf'],
    ['  nhiều   khoảng  .pdf ', 'nhiều khoảng .pdf'],
    ['', 'tai-lieu'],
    [undefined, 'tai-lieu'],
    ['\u0000', 'tai-lieu'],
  ])('%j → %j', (raw, expected) => {
    expect(cleanFileName(raw)).toBe(expected);
  });

  it('cuts a long name and keeps its extension', () => {
    const name = cleanFileName(`${'ả'.repeat(300)}.pdf`);
    expect([...name].length).toBeLessThanOrEqual(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('composes decomposed Vietnamese (macOS names) into one form', () => {
    expect(cleanFileName('Đơn khiếu nại.pdf'.normalize('NFD'))).toBe('Đơn khiếu nại.pdf');
  });
});

describe('attachmentDisposition', () => {
  it('offers an ASCII name and the exact UTF-8 one', () => {
    expect(attachmentDisposition('Đơn "khiếu nại" 100%.pdf')).toBe(
      `attachment; filename="Don _khieu nai_ 100_.pdf"; filename*=UTF-8''%C4%90%C6%A1n%20%22khi%E1%BA%BFu%20n%E1%BA%A1i%22%20100%25.pdf`,
    );
  });
});
