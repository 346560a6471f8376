/**
 * `danchu import-plan FILE [--json]` (issue 3, "The import contract"): extracts the text of a
 * plan document (.txt, .docx, PDF with a text layer, scanned PDF or image by offline OCR) and
 * parses it. With --json it prints exactly one JSON object on stdout; progress and messages go
 * to stderr. Exit codes: 0 success, 2 bad usage or a missing, unreadable or unsupported file,
 * 1 unexpected failure.
 */
import { parseArgs } from 'node:util';
import { parsePlanText, toImportJson } from '../../domain/plan-text';
import type { PlanImportJson } from '../../domain/plan-text';
import { extractPlanText, PlanImportError, shippedRestorer, type ExtractProgress } from '../plan-import';

/** Where the command writes: `out` is stdout (the result only), `err` is stderr. */
export interface CommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const USAGE = `Cách dùng / Usage: danchu import-plan FILE [--json]
  FILE    .txt, .md, .html, .docx, .pdf (có lớp chữ hoặc bản quét / text layer or scan), .png, .jpg, .tif
  --json  in một đối tượng JSON / print one JSON object`;

const STAGE: Record<Parameters<ExtractProgress>[2], string> = {
  read: 'đọc PDF / reading PDF',
  render: 'dựng trang / rendering',
  ocr: 'nhận dạng chữ (OCR) / OCR',
};

/**
 * Runs `import-plan`.
 * @param args - arguments after the command name.
 * @param io - output sinks.
 * @returns the exit code.
 */
export async function importPlanCommand(args: string[], io: CommandIo): Promise<number> {
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
  if (positionals.length !== 1) {
    io.err(`Cần đúng một tệp / Exactly one FILE is needed\n${USAGE}`);
    return 2;
  }
  const file = positionals[0]!;
  const onProgress: ExtractProgress = (done, total, stage) => {
    if (stage === 'ocr') io.err(`${STAGE[stage]}: ${done}/${total}`);
  };
  let extracted: Awaited<ReturnType<typeof extractPlanText>>;
  try {
    extracted = await extractPlanText(file, { onProgress });
  } catch (e) {
    if (e instanceof PlanImportError) {
      io.err(e.message);
      return 2;
    }
    io.err(`Lỗi khi đọc tệp / Error reading the file: ${(e as Error).message}`);
    return 1;
  }
  const result = toImportJson(parsePlanText(extracted.text, { restorer: shippedRestorer() }));
  if (values.json) io.out(JSON.stringify(result));
  else io.out(summary(result, extracted.source, extracted.pages));
  return 0;
}

/** A short human-readable summary in Vietnamese and English. */
function summary(r: PlanImportJson, source: string, pages: number | undefined): string {
  const lines: string[] = [];
  lines.push(`${r.title}`);
  lines.push(`Cơ quan ban hành / Issuer: ${r.issuer ?? '—'}`);
  lines.push(`Ngày ký / Signed: ${r.signedAt ?? '—'}`);
  lines.push(`Nguồn / Source: ${source}${pages ? ` (${pages} trang / pages)` : ''}`);
  lines.push(`Văn bản được viện dẫn / Cited documents: ${r.references.length}`);
  for (const ref of r.references)
    lines.push(`  - ${ref.type} ${ref.symbol}${ref.date ? ` ngày ${ref.date}` : ''}${ref.issuer ? ` — ${ref.issuer}` : ''}`);
  lines.push(`Phần / Sections: ${r.sections.length}`);
  for (const s of r.sections) lines.push(`  ${s.numeral}. ${s.title} — ${s.items.length} mục / items`);
  lines.push(`Thời hạn / Deadlines: ${r.deadlines.length}`);
  for (const d of r.deadlines) lines.push(`  - ${d.date}${d.section ? ` (${d.section}.${d.item ?? ''})` : ''}: ${d.text}`);
  lines.push(`Nơi nhận / Recipients: ${r.recipients.length}`);
  for (const x of r.recipients) lines.push(`  - ${x.name}${x.role ? ` (${x.role})` : ''}`);
  return lines.join('\n');
}
