/**
 * `danchu report cycles [--json]` and `danchu report export --cycle ID --format docx|xlsx --out FILE`
 * (issue #4). Runs in the agency's transaction. Exit 2 on bad usage or input.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { agencyReport, getCycle, listCycles, reportDocx, reportXlsx } from '../modules/reports';
import { AppError } from '../platform/errors';
import type { Context } from '../platform/module';

type Io = { out: (s: string) => void; err: (s: string) => void };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function reportCommand(ctx: Context, args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'cycles') {
    const json = rest.includes('--json');
    const out = (await listCycles(ctx)).map((c) => ({ id: c.id, plan: c.plan, title: c.title, dueOn: c.dueOn, units: c.counts }));
    if (json) io.out(JSON.stringify(out, null, 2));
    else
      for (const c of out)
        io.out(
          `${c.id}  ${c.title}  hạn trước ${c.dueOn.split('-').reverse().join('/')}  chấp nhận ${c.units.accepted}, chờ duyệt ${c.units.submitted}, bị trả lại ${c.units.returned}, chưa gửi ${c.units.notSent} (quá hạn ${c.units.overdue}), gửi trễ hạn ${c.units.late}`,
        );
    return 0;
  }
  if (sub === 'export') {
    let values: { cycle?: string; format?: string; out?: string };
    try {
      values = parseArgs({
        args: rest,
        options: { cycle: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
      }).values;
    } catch (err) {
      io.err(`${(err as Error).message}\nDùng / Use: danchu report export --cycle ID --format docx|xlsx --out FILE`);
      return 2;
    }
    if (!values.cycle || !UUID.test(values.cycle)) {
      io.err(
        `--cycle: mã kỳ báo cáo không hợp lệ (xem "danchu report cycles") / --cycle: not a valid cycle id (see "danchu report cycles")`,
      );
      return 2;
    }
    if (values.format !== 'docx' && values.format !== 'xlsx') {
      io.err('--format: chỉ nhận docx hoặc xlsx / --format: docx or xlsx');
      return 2;
    }
    if (!values.out) {
      io.err('--out: cần tên tệp để ghi / --out: the file to write is required');
      return 2;
    }
    const cycle = await getCycle(ctx.tx, values.cycle).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
      throw e;
    });
    if (!cycle) {
      io.err(`Không có kỳ báo cáo ${values.cycle} / No report cycle ${values.cycle}`);
      return 2;
    }
    const r = await agencyReport(ctx, cycle);
    const bytes =
      values.format === 'docx' ? await reportDocx(r.body, r.consolidated, cycle.title) : await reportXlsx(r.consolidated, cycle.title);
    fs.writeFileSync(values.out, bytes);
    io.out(`Đã ghi ${values.out} (${bytes.length} byte) / Wrote ${values.out}`);
    return 0;
  }
  io.err('Dùng / Use: danchu report cycles [--json] | danchu report export --cycle ID --format docx|xlsx --out FILE');
  return 2;
}
