/**
 * `danchu disclosure sweep [--at YYYY-MM-DD] [--json] [--dry-run]` (issue #10): what that day's
 * sweep withdraws from the notice board and what is overdue to publish — the same function the
 * nightly job runs (modules/disclosures/sweep.ts). For today or an earlier day it also withdraws
 * what is due, unless `--dry-run`; for a later day it only previews. Exit 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { isIsoDate } from '../../domain';
import { sweepDisclosures } from '../modules/disclosures';
import type { Context } from '../platform/module';

type Io = { out: (s: string) => void; err: (s: string) => void };

const USAGE = 'Dùng / Use: danchu disclosure sweep [--at YYYY-MM-DD] [--json] [--dry-run]';

export async function disclosureCommand(ctx: Context, args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'sweep') {
    io.err(USAGE);
    return 2;
  }
  let values: { at?: string; json?: boolean; 'dry-run'?: boolean };
  try {
    values = parseArgs({
      args: rest,
      strict: true,
      options: { at: { type: 'string' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
    }).values;
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const at = values.at ?? ctx.today;
  if (!isIsoDate(at)) {
    io.err(`--at: ngày phải có dạng YYYY-MM-DD / --at: the day must be YYYY-MM-DD (got "${at}")`);
    return 2;
  }
  const actions = await sweepDisclosures(ctx, at, { apply: !values['dry-run'] });
  if (values.json) io.out(JSON.stringify(actions, null, 2));
  else if (actions.length === 0)
    io.out(`Ngày ${at.split('-').reverse().join('/')}: không có gì phải gỡ hay quá hạn / nothing to withdraw or overdue`);
  else
    for (const a of actions)
      io.out(`${a.action === 'withdraw' ? 'GỠ / withdraw' : 'QUÁ HẠN / overdue'}  ${a.title}\n    ${a.reason}  [${a.id}]`);
  return 0;
}
