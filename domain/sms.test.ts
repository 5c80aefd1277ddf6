import { describe, expect, it } from 'vitest';
import { gsm7Length, isGsm7, toGsm7 } from './gsm7';
import { CITIZEN_EVENTS, type CaseNoticeContext } from './notice-templates';
import { maskedMsisdn, toMsisdn } from './phone';
import { renderSms } from './sms-templates';

describe('GSM-7', () => {
  it('takes Vietnamese diacritics off, Đ included, and keeps the rest readable', () => {
    expect(toGsm7('Đơn của ông/bà đã được thụ lý — hạn “30/11”…')).toBe('Don cua ong/ba da duoc thu ly - han "30/11"...');
    expect(toGsm7('ĐẶNG ƯỚC ỞỸỹ đ')).toBe('DANG UOC OYy d');
    expect(isGsm7(toGsm7('Nguyễn Thị Hoa, Phường Đức Xuân, Tỉnh Hòa Sơn'))).toBe(true);
  });

  it('turns what GSM-7 cannot carry into "?", and counts extension characters twice', () => {
    expect(toGsm7('vé 🎫 中')).toBe('ve ? ?');
    expect(isGsm7('Đơn')).toBe(false);
    expect(gsm7Length('[a]')).toBe(5);
  });
});

describe('phone numbers', () => {
  it('become the international form SMS centres route on', () => {
    expect(toMsisdn('0912 345 678')).toBe('84912345678');
    expect(toMsisdn('+84 912-345-678')).toBe('84912345678');
    expect(toMsisdn('0084.912.345.678')).toBe('84912345678');
    expect(toMsisdn('84912345678')).toBe('84912345678');
    expect(toMsisdn('12')).toBeNull();
    expect(toMsisdn('09x')).toBeNull();
    expect(maskedMsisdn('84912345678')).toBe('+84 ••• ••• 678');
  });
});

describe('SMS texts', () => {
  const ctx: CaseNoticeContext = {
    subject: 'case', recipientName: 'Nguyễn Thị Hoa', caseTitle: 'Đường liên xóm xuống cấp', caseType: 'FEEDBACK', trackingCode: 'PA-ABCDEFGH23456789', unitName: 'Phường Đức Xuân',
    agencyName: 'Phòng Kinh tế', dueAt: new Date('2026-12-15T16:59:59.999Z'), step: 'first_step', url: 'https://pakn.example.vn/track/PA-ABCDEFGH23456789',
    secret: 'ABCDE-FGHJK-MNPQR-STVWX', firstStepLimit: { amount: 10, unit: 'working_days' },
  };

  it('carry the receipt’s code, secret, first due date and link, without diacritics for a GSM-7 centre', () => {
    const text = renderSms('citizen_receipt', 'vi', ctx, { gsm7: true })!;
    expect(text).toBe(
      'Da nhan don PA-ABCDEFGH23456789. Ma bi mat: ABCDE-FGHJK-MNPQR-STVWX (khong dua ai, ke ca can bo). Han thu ly: 10 ngay lam viec, den 15/12/2026 23:59. Theo doi: https://pakn.example.vn/track/PA-ABCDEFGH23456789',
    );
    expect(isGsm7(text)).toBe(true);
  });

  it('keep Vietnamese as written for a UCS-2 centre, and speak English to who asked for it', () => {
    expect(renderSms('citizen_update', 'vi', { ...ctx, citizenEvent: 'accepted' }, { gsm7: false })).toBe(
      'Đơn PA-ABCDEFGH23456789 đã được thụ lý. Hạn: 15/12/2026 23:59. Xem: https://pakn.example.vn/track/PA-ABCDEFGH23456789',
    );
    expect(renderSms('citizen_receipt', 'en', { ...ctx, secret: undefined }, { gsm7: true })).toContain('Lost your secret? Ask for a new one on the tracking page.');
  });

  it('say every event the citizen is told of, the complaint procedure of Law 136/2025/QH15 included', () => {
    for (const citizenEvent of CITIZEN_EVENTS) {
      for (const lang of ['vi', 'en'] as const) expect(renderSms('citizen_update', lang, { ...ctx, citizenEvent }, { gsm7: false })).not.toContain('undefined');
    }
    expect(renderSms('citizen_update', 'vi', { ...ctx, citizenEvent: 'suspended', dueAt: null }, { gsm7: false })).toBe('Đơn PA-ABCDEFGH23456789 bị tạm đình chỉ giải quyết. Xem: https://pakn.example.vn/track/PA-ABCDEFGH23456789');
  });

  it('exist only for the citizen’s notices and the escalations', () => {
    expect(renderSms('assignment', 'vi', ctx, { gsm7: true })).toBeNull();
    expect(renderSms('overdue_front', 'vi', { ...ctx, url: 'https://pakn.example.vn/cases/1' }, { gsm7: true })).toMatch(/^\[PA-ABCDEFGH23456789\] Qua han thu ly luc 15\/12\/2026 23:59: "Duong lien xom xuong cap" - Phong Kinh te\. De MTTQ giam sat\./);
    // A denunciation's written notice to the accused is a deadline of its own (Denunciations Law 2018 art. 29).
    expect(renderSms('overdue_head', 'vi', { ...ctx, step: 'accused_notice' }, { gsm7: true })).toMatch(/^\[PA-ABCDEFGH23456789\] Qua han thong bao nguoi bi to cao luc 15\/12\/2026 23:59/);
    expect(renderSms('overdue_head', 'en', { ...ctx, step: 'forwarder_result' }, { gsm7: true })).toMatch(/^\[PA-ABCDEFGH23456789\] deadline to tell the forwarder passed at/);
  });
});
