import { describe, expect, it } from 'vitest';
import { consolidate, daysLate } from './consolidate';

const qlkh = { id: 'qlkh', name: 'Phòng Quản lý khoa học' };
const khtc = { id: 'khtc', name: 'Phòng Kế hoạch - Tài chính' };
const bcvt = { id: 'bcvt', name: 'Phòng Bưu chính, Viễn thông (cũ)' };
const cds = { id: 'cds', name: 'Phòng Bưu chính, Viễn thông và Chuyển đổi số' };
const vp = { id: 'vp', name: 'Văn phòng Sở' };

const base = {
  sections: [
    { key: 'II.6', title: 'Tiếp công dân, giải quyết khiếu nại, tố cáo' },
    { key: 'II.7', title: 'Ban Thanh tra nhân dân' },
  ],
  indicators: [
    { code: 'reception_sessions', name: 'Số buổi tiếp công dân', unit: 'buổi' },
    { code: 'cases_received', name: 'Số đơn tiếp nhận', unit: 'đơn' },
  ],
};

describe('consolidation of unit reports', () => {
  it('sums accepted reports, merges sections under each item, and lists missing and late units', () => {
    const c = consolidate({
      ...base,
      expectedUnits: [qlkh, khtc, vp],
      mergedInto: {},
      reports: [
        {
          unit: qlkh,
          status: 'accepted',
          lateDays: 0,
          sections: [{ key: 'II.6', text: 'Tiếp 2 lượt công dân.' }],
          indicators: { reception_sessions: 2, cases_received: 1 },
        },
        {
          unit: khtc,
          status: 'accepted',
          lateDays: 3,
          sections: [
            { key: 'II.6', text: 'Không phát sinh.' },
            { key: 'II.7', text: 'Phối hợp Ban TTND.' },
          ],
          indicators: { reception_sessions: 1, cases_received: null },
        },
        { unit: vp, status: 'draft', lateDays: null, sections: [{ key: 'II.6', text: 'Chưa nộp' }], indicators: { reception_sessions: 9 } },
      ],
    });
    expect(c.indicators[0]).toMatchObject({
      code: 'reception_sessions',
      total: 3,
      byUnit: { 'Phòng Quản lý khoa học': 2, 'Phòng Kế hoạch - Tài chính': 1 },
    });
    expect(c.indicators[1]!.total).toBe(1);
    expect(c.sections[0]!.parts.map((p) => p.unit)).toEqual(['Phòng Quản lý khoa học', 'Phòng Kế hoạch - Tài chính']);
    expect(c.sections[1]!.parts).toEqual([{ unit: 'Phòng Kế hoạch - Tài chính', text: 'Phối hợp Ban TTND.' }]);
    expect(c.missing).toEqual(['Văn phòng Sở']);
    expect(c.late).toEqual([{ unit: 'Phòng Kế hoạch - Tài chính', days: 3 }]);
  });

  it('reports a unit merged during the period under its successor, counting it once', () => {
    const c = consolidate({
      ...base,
      expectedUnits: [cds],
      mergedInto: { bcvt: cds },
      reports: [
        {
          unit: bcvt,
          status: 'accepted',
          lateDays: 0,
          sections: [{ key: 'II.6', text: 'Trước sáp nhập: 1 buổi.' }],
          indicators: { reception_sessions: 1, cases_received: 2 },
        },
        {
          unit: cds,
          status: 'accepted',
          lateDays: 0,
          sections: [{ key: 'II.6', text: 'Sau sáp nhập: 2 buổi.' }],
          indicators: { reception_sessions: 2, cases_received: 0 },
        },
      ],
    });
    expect(c.indicators[0]).toMatchObject({ total: 3, byUnit: { [cds.name]: 3 } });
    expect(Object.keys(c.indicators[0]!.byUnit)).toEqual([cds.name]);
    expect(c.sections[0]!.parts.map((p) => p.unit)).toEqual([`${cds.name} (${bcvt.name})`, cds.name]);
    expect(c.unitTable).toEqual([{ unit: cds.name, status: 'accepted', lateDays: 0, includes: [bcvt.name] }]);
    expect(c.missing).toEqual([]);
  });

  it('counts days late from the due date', () => {
    expect(daysLate('2021-06-11', '2021-06-10')).toBe(0);
    expect(daysLate('2021-06-11', '2021-06-11')).toBe(1);
    expect(daysLate('2021-06-11', '2021-06-15')).toBe(5);
  });
});
