/**
 * `danchu sipas compute FILE.csv [--json]` (issue 13, "Contract"): the default SIPAS computation
 * (src/domain/surveys/sipas.ts; QĐ 2640/QĐ-BNV and QĐ 1001/QĐ-BNV, DOMAIN.md §3.1) over an answers
 * file with the header `respondent,element,criterion,answer`. Needs no database. With --json it
 * prints exactly `{ overall, elements: [{ element, index, valid }], criteria: [{ criterion, element,
 * index, valid }] }` on stdout. Exit codes: 0 success, 2 bad usage, a missing file or a malformed
 * line (named on stderr with its line number).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { computeSipas, parseSipasCsv, SipasCsvError, type SipasResult } from '../../domain/surveys';
import type { CommandIo } from './import-plan';

const USAGE = `Cách dùng / Usage: danchu sipas compute FILE.csv [--json]
  FILE.csv  tiêu đề / header: respondent,element,criterion,answer (answer 1–5; trống hoặc 0 = không trả lời / empty or 0 = no answer)
  --json    in một đối tượng JSON / print one JSON object`;

/**
 * Runs `sipas`.
 * @param args - arguments after the command name.
 * @param io - output sinks.
 * @returns the exit code.
 */
export async function sipasCommand(args: string[], io: CommandIo): Promise<number> {
  let values: { json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals[0] !== 'compute' || positionals.length !== 2) {
    io.err(USAGE);
    return 2;
  }
  const file = positionals[1]!;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    io.err(`Không đọc được tệp / Cannot read the file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  let result: SipasResult;
  try {
    result = computeSipas(parseSipasCsv(text));
  } catch (e) {
    if (e instanceof SipasCsvError) {
      io.err(`${file}: ${e.message}`);
      return 2;
    }
    throw e;
  }
  io.out(values.json ? JSON.stringify(result) : summary(result));
  return 0;
}

const pct = (x: number | null) => (x === null ? '—' : `${x.toFixed(2).replace('.', ',')} %`);

/** A human-readable table (Vietnamese decimal comma). */
function summary(r: SipasResult): string {
  const lines = [`Chỉ số hài lòng chung / Overall index: ${pct(r.overall)}`, ''];
  for (const e of r.elements) {
    lines.push(`Yếu tố / Element ${e.element}: ${pct(e.index)} (${e.valid} câu trả lời hợp lệ / valid answers)`);
    for (const c of r.criteria.filter((x) => x.element === e.element)) {
      lines.push(`  ${c.criterion}: ${pct(c.index)} (${c.valid})`);
    }
  }
  lines.push(
    '',
    'Chỉ số tiêu chí = tỷ lệ câu trả lời hợp lệ (1–5) là 4 hoặc 5; yếu tố = trung bình các tiêu chí; chung = trung bình các yếu tố.',
  );
  lines.push(
    'Criterion index = share of valid answers (1–5) that are 4 or 5; element = mean of its criteria; overall = mean of the elements.',
  );
  return lines.join('\n');
}
