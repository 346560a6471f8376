import { describe, expect, it } from 'vitest';
import { UNIT_KINDS } from '../../contracts/org';
import { DEMO_UNITS } from './demo-org';

describe('the demo agency', () => {
  it('types each unit by what its name says it is (issue #14 point 7)', () => {
    for (const u of DEMO_UNITS) {
      expect(UNIT_KINDS).toContain(u.kind);
      if (/^Chi cục /.test(u.name)) expect(u.kind, u.name).toBe('sub_department');
      if (/^Trung tâm /.test(u.name)) expect(u.kind, u.name).toBe('service_unit');
      if (/^Phòng /.test(u.name)) expect(u.kind, u.name).toBe('department');
    }
    expect(DEMO_UNITS.some((u) => u.kind === 'sub_department')).toBe(true);
  });
});
