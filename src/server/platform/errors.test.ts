import { describe, expect, it } from 'vitest';
import { MODULES } from '../modules';
import { AppError, describeIssue, errorCatalogue, PLATFORM_ERRORS, registerErrors } from './errors';

describe('error catalogue', () => {
  it('has a Vietnamese and an English message and a 4xx/5xx status for every code', () => {
    for (const m of MODULES) if (m.errors) registerErrors(m.errors);
    const all = Object.entries(errorCatalogue());
    expect(all.length).toBeGreaterThanOrEqual(Object.keys(PLATFORM_ERRORS).length);
    for (const [code, def] of all) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(def.vi.trim().length, `${code} vi`).toBeGreaterThan(3);
      expect(def.en.trim().length, `${code} en`).toBeGreaterThan(3);
      expect(def.vi, `${code} must be NFC`).toBe(def.vi.normalize('NFC'));
      // A Vietnamese message has Vietnamese letters; an English copy in the vi slot is a mistake.
      expect(def.vi, `${code} vi looks untranslated`).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
      expect(def.status >= 400 && def.status < 600, code).toBe(true);
    }
  });

  it('refuses an unknown code', () => {
    expect(() => new AppError('NO_SUCH_CODE')).toThrow(/Unknown error code/);
  });

  it('fills parameters in both languages', () => {
    const e = new AppError('ACCOUNT_LOCKED', { params: { minutes: 15 } });
    expect(e.status).toBe(423);
    expect(e.message_('vi')).toMatch(/15 phút/);
    expect(e.message_('en')).toMatch(/15 minutes/);
  });

  it('translates validation issues naming the field', () => {
    const f = describeIssue({ keyword: 'too_small', instancePath: '/roles/0/name', message: '', params: { origin: 'string', minimum: 1 } });
    expect(f).toEqual({ field: 'roles.0.name', vi: 'roles.0.name: không được để trống', en: 'roles.0.name: must not be empty' });
    const custom = describeIssue({ keyword: 'custom', instancePath: '/validTo', message: 'phải sau|must be after', params: {} });
    expect(custom.vi).toBe('validTo: phải sau');
    expect(custom.en).toBe('validTo: must be after');
  });

  it('uses a schema’s own bilingual message for any check, but not zod’s messages that hold a "|"', () => {
    const own = describeIssue({
      keyword: 'too_small',
      instancePath: '/parts',
      message: 'cần ghi loại nội dung|say what the content is',
      params: { origin: 'array', minimum: 1 },
    });
    expect(own).toMatchObject({ field: 'parts', vi: 'parts: cần ghi loại nội dung', en: 'parts: say what the content is' });
    const zods = describeIssue({
      keyword: 'invalid_value',
      instancePath: '/kind',
      message: 'Invalid option: expected one of "a"|"b"',
      params: { values: ['a', 'b'] },
    });
    expect(zods.vi).toBe('kind: giá trị không được chấp nhận (chọn một trong: a, b)');
  });

  it('uses a pattern’s own message, tells a wrong type from a missing field, and names a union’s accepted values', () => {
    const pattern = describeIssue({
      keyword: 'invalid_format',
      instancePath: '/on',
      message: 'ngày phải có dạng YYYY-MM-DD|must be a date YYYY-MM-DD',
      params: { format: 'regex' },
    });
    expect(pattern.en).toBe('on: must be a date YYYY-MM-DD');
    const wrong = describeIssue({
      keyword: 'invalid_type',
      instancePath: '/remote',
      message: 'Invalid input: expected boolean, received string',
      params: { expected: 'boolean' },
    });
    expect(wrong.vi).toBe('remote: sai kiểu dữ liệu (cần boolean)');
    const missing = describeIssue({
      keyword: 'invalid_type',
      instancePath: '/remote',
      message: 'Invalid input: expected boolean, received undefined',
      params: { expected: 'boolean' },
    });
    expect(missing.en).toBe('remote: is required');
    const union = describeIssue({
      keyword: 'invalid_union',
      instancePath: '/action',
      message: "Invalid discriminator value. Expected 'accept' | 'decide'",
      params: {},
    });
    expect(union.en).toBe('action: is not an accepted value (one of: accept, decide)');
  });
});
