/**
 * `danchu deadline RULE_ID --from YYYY-MM-DD [--remote] [--complex] [--especially-complex]
 * [--commune] [--tenant CODE]` (issue #5, Contract): prints the due date (ISO) on the first line,
 * then the Vietnamese explanation, computed on the tenant's working-day calendar.
 *
 * Exit codes: 0 printed, 2 bad usage or bad input (unknown rule, malformed date, a flag or rule
 * the engine refuses). The calendar comes from `deps.calendarFor`, which the CLI wires to the
 * database (the tenant's confirmed years, generated statutory holidays otherwise; the demo
 * tenant by default), so this file does no I/O of its own and tests pass a pure calendar.
 */
import { parseArgs } from 'node:util';
import type { WorkingCalendar } from '../../domain';
import { computeDeadline, DeadlineError, type DeadlineInput, deadlineYears, DEFAULT_RULE_REGISTRY } from '../../domain/deadlines';

/** Where the command writes: one call per line, without the trailing newline. */
export interface DeadlineCommandIo {
  out(s: string): void;
  err(s: string): void;
}

/** What the command needs from the server. */
export interface DeadlineCommandDeps {
  /**
   * The working calendar of a tenant covering `years`.
   * @param tenantCode - the `--tenant` value, or undefined for the default (demo) tenant.
   * @param years - consecutive years the computation will touch.
   */
  calendarFor(tenantCode: string | undefined, years: number[]): Promise<WorkingCalendar>;
}

/** Usage text, Vietnamese then English, with the rule ids. */
export function deadlineUsage(): string {
  return [
    'Cách dùng / Usage:',
    '  danchu deadline RULE_ID --from YYYY-MM-DD [--remote] [--complex] [--especially-complex] [--commune] [--tenant CODE]',
    '',
    '  --from                ngày xảy ra sự kiện (nhận đơn, thụ lý, ra quyết định…) / trigger date',
    '  --remote              vùng sâu, vùng xa đi lại khó khăn / remote or hard-to-reach area',
    '  --complex             vụ việc phức tạp / complex case',
    '  --especially-complex  vụ việc đặc biệt phức tạp / especially complex case',
    '  --commune             cấp xã / commune level',
    '  --tenant              mã cơ quan (mặc định: cơ quan mẫu) / agency code (default: the demo agency)',
    '',
    `Quy tắc / Rules: ${DEFAULT_RULE_REGISTRY.ids().join(', ')}`,
  ].join('\n');
}

function usageError(io: DeadlineCommandIo, vi: string, en: string): number {
  io.err(`${vi} / ${en}`);
  io.err(deadlineUsage());
  return 2;
}

/**
 * Runs `danchu deadline`.
 * @param args - the arguments after `deadline`.
 * @param io - output and error sinks.
 * @param deps - the tenant calendar loader.
 * @returns the exit code: 0 on success, 2 on bad usage or input.
 * @throws whatever `deps.calendarFor` throws other than a DeadlineError (e.g. an unknown
 *   tenant or a database failure), for the CLI to report.
 */
function parseDeadlineArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      from: { type: 'string' },
      remote: { type: 'boolean' },
      complex: { type: 'boolean' },
      'especially-complex': { type: 'boolean' },
      commune: { type: 'boolean' },
      tenant: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

export async function deadlineCommand(args: string[], io: DeadlineCommandIo, deps: DeadlineCommandDeps): Promise<number> {
  let parsed: ReturnType<typeof parseDeadlineArgs>;
  try {
    parsed = parseDeadlineArgs(args);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return usageError(io, `Tham số không hợp lệ: ${detail}`, `Invalid arguments: ${detail}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(deadlineUsage());
    return 0;
  }
  if (positionals.length !== 1) {
    return usageError(io, 'Cần đúng một mã quy tắc', 'Exactly one rule id is needed');
  }
  const ruleId = positionals[0]!.trim().toUpperCase();
  if (values.from === undefined) {
    return usageError(io, 'Thiếu --from YYYY-MM-DD', 'Missing --from YYYY-MM-DD');
  }
  const input: DeadlineInput = {
    trigger: values.from,
    remote: values.remote === true,
    complex: values.complex === true,
    especiallyComplex: values['especially-complex'] === true,
    communeLevel: values.commune === true,
  };
  try {
    // Check the rule and the date, and learn the years, before touching the database.
    const years = deadlineYears(ruleId, input);
    const calendar = await deps.calendarFor(values.tenant, years);
    const result = computeDeadline(ruleId, input, () => calendar);
    io.out(result.due);
    for (const line of result.explanation) io.out(line);
    return 0;
  } catch (err) {
    if (err instanceof DeadlineError) {
      io.err(err.message);
      return 2;
    }
    throw err;
  }
}
