import { describe, expect, it } from 'vitest';
import { type CalendarException, calendarForYears, type WorkingCalendar } from '../../domain';
import { deadlineCommand } from './deadline';

interface Run {
  code: number;
  out: string[];
  err: string[];
  calls: { tenant: string | undefined; years: number[] }[];
}

/** Tenant 'swap' confirmed 2026 with Saturday 22/8 worked; every other tenant/year generated. */
const swap2026: CalendarException[] = [{ date: '2026-08-22', kind: 'swap_workday', name: 'Làm bù' }];

async function run(args: string[]): Promise<Run> {
  const r: Run = { code: -1, out: [], err: [], calls: [] };
  r.code = await deadlineCommand(
    args,
    { out: (s) => r.out.push(s), err: (s) => r.err.push(s) },
    {
      calendarFor: async (tenant, years): Promise<WorkingCalendar> => {
        r.calls.push({ tenant, years });
        return calendarForYears(years, tenant === 'swap' ? { 2026: swap2026 } : {});
      },
    },
  );
  return r;
}

describe('danchu deadline', () => {
  it('prints the contract example: TC-INITIAL from 2030-04-22 → 2030-05-03, then the explanation', async () => {
    const r = await run(['TC-INITIAL', '--from', '2030-04-22']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('2030-05-03');
    expect(r.out[1]).toMatch(/^Xử lý ban đầu thông tin tố cáo \(TC-INITIAL, phiên bản 1/);
    expect(r.out).toContain('01/05/2030 (thứ Tư): nghỉ lễ, Tết: Quốc tế Lao động, không tính.');
    expect(r.out.at(-1)).toBe('Hạn xử lý ban đầu: 03/05/2030 (thứ Sáu).');
    expect(r.err).toEqual([]);
    expect(r.calls).toEqual([{ tenant: undefined, years: [2030] }]);
  });

  it.each([
    // Mon 2/3/2026 + 30 = Wed 1/4; complex 45 = Thu 16/4; remote + complex 60 = Fri 1/5 → Mon 4/5.
    [['KN-L1', '--from', '2026-03-02'], '2026-04-01'],
    [['KN-L1', '--from', '2026-03-02', '--complex'], '2026-04-16'],
    [['KN-L1', '--from', '2026-03-02', '--remote', '--complex'], '2026-05-04'],
    // Fri 6/3/2026 + 15 = Sat 21/3 → Mon 23/3.
    [['BTTND-REPLY', '--from', '2026-03-06'], '2026-03-23'],
    // Rule ids are case-insensitive on the command line.
    [['tc-forward', '--from', '2027-02-04'], '2027-02-18'],
    // Commune level: Mon 6/4/2026 + 30 = Wed 6/5.
    [['DC-POST-MIN', '--from', '2026-04-06', '--commune'], '2026-05-06'],
  ])('%j → %s', async (args, expected) => {
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(expected);
  });

  it("uses the tenant's calendar: a worked Saturday counts", async () => {
    // From Fri 21/8/2026: Sat 22 (worked) = 1, 24 = 2 … Thu 27 = 5; without the swap, Fri 28.
    const swapped = await run(['TC-FORWARD', '--from', '2026-08-21', '--tenant', 'swap']);
    expect(swapped.out[0]).toBe('2026-08-27');
    expect(swapped.calls[0]?.tenant).toBe('swap');
    const plain = await run(['TC-FORWARD', '--from', '2026-08-21']);
    expect(plain.out[0]).toBe('2026-08-28');
  });

  it.each([
    [['NO-SUCH-RULE', '--from', '2026-03-02'], /Không có quy tắc thời hạn "NO-SUCH-RULE" \/ No deadline rule "NO-SUCH-RULE"/],
    [['TC-INITIAL', '--from', '2026-02-30'], /không phải ngày hợp lệ.* \/ .*is not a valid date/],
    [['TC-INITIAL', '--from', '22/04/2030'], /không phải ngày hợp lệ.* \/ .*is not a valid date/],
    [['TCD-HEAD-FREQ', '--from', '2026-03-02'], /quy tắc tần suất.* \/ .*frequency rule/],
    [['KN-SUSPEND-SEND', '--from', '2026-06-30'], /không có phiên bản.* \/ .*no version/],
  ])('%j exits 2 with a Vietnamese / English message', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toMatch(message);
    // Refused before the database is asked.
    expect(r.calls).toEqual([]);
  });

  it.each([
    [['--from', '2026-03-02'], /Cần đúng một mã quy tắc \/ Exactly one rule id is needed/],
    [['TC-INITIAL'], /Thiếu --from YYYY-MM-DD \/ Missing --from YYYY-MM-DD/],
    [['TC-INITIAL', '--from', '2026-03-02', '--urgent'], /Tham số không hợp lệ: .* \/ Invalid arguments: /],
    [['TC-INITIAL', 'KN-L1', '--from', '2026-03-02'], /Cần đúng một mã quy tắc/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(message);
    expect(r.err.join('\n')).toContain('danchu deadline RULE_ID --from YYYY-MM-DD');
  });

  it('prints help with the rule ids and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toContain('TC-INITIAL');
    expect(r.out[0]).toContain('KN-L2-WINDOW');
  });

  it('lets a calendar loader failure through for the CLI to report', async () => {
    const failing = deadlineCommand(
      ['TC-INITIAL', '--from', '2030-04-22', '--tenant', 'ghost'],
      { out: () => undefined, err: () => undefined },
      { calendarFor: async () => Promise.reject(new Error('no tenant ghost')) },
    );
    await expect(failing).rejects.toThrow('no tenant ghost');
  });
});
