import { describe, expect, it } from 'vitest';
import { ZChangePasswordRequest } from '../../contracts/auth';
import { ZCreateUnitRequest } from '../../contracts/org';
import { ZTaskInput } from '../../contracts/plans';
import { schemaErrors } from './form';

const unit = {
  code: 'QLKH',
  name: 'Phòng Quản lý khoa học',
  nameEn: null,
  kind: 'department',
  parentId: null,
  validFrom: '2008-01-01',
  validTo: null,
  staffCount: 8,
  predecessors: [],
};

describe('schemaErrors: the request schema’s messages under the fields', () => {
  it('finds nothing to say about a valid body', () => {
    expect(schemaErrors(ZCreateUnitRequest, unit, 'vi')).toEqual({});
  });

  it('says what the server would, in Vietnamese or English, keyed by the field', () => {
    const bad = { ...unit, code: 'Q L', name: '   ', kind: null, validFrom: '2020-01-01', validTo: '2019-12-31' };
    expect(schemaErrors(ZCreateUnitRequest, bad, 'vi')).toEqual({
      code: 'chỉ gồm chữ, số và . _ -',
      name: 'không được để trống',
      kind: expect.stringMatching(/^giá trị không được chấp nhận/),
    });
    // The refinement on the dates speaks once the fields themselves are valid, under validTo.
    expect(schemaErrors(ZCreateUnitRequest, { ...unit, validFrom: '2020-01-01', validTo: '2019-12-31' }, 'en')).toEqual({
      validTo: 'must not be before validFrom',
    });
  });

  it('calls an empty choice required, and keys nested fields by their path', () => {
    const errors = schemaErrors(
      ZTaskInput,
      { itemId: null, title: 'x', leadUnitId: null, coUnitIds: [], recurrence: { kind: 'every_months', months: 30 } },
      'vi',
    );
    expect(errors).toEqual({
      itemId: 'bắt buộc phải nhập',
      leadUnitId: 'bắt buộc phải nhập',
      'recurrence.months': 'phải nhỏ hơn hoặc bằng 24',
    });
    expect(schemaErrors(ZChangePasswordRequest, { currentPassword: 'a', newPassword: 'short' }, 'en')).toEqual({
      newPassword: 'the new password must have at least 10 characters',
    });
  });
});
