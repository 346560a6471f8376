/**
 * Builds the sample documents in examples/ (run: `node --import tsx scripts/make-examples.ts`):
 * a Word file and a scanned page of a clean Vietnamese plan, beside the OCR-damaged 2021 plan the
 * project started from. People who clone the project try the importer on these.
 */
import fs from 'node:fs';
import path from 'node:path';
import { docxFile, textPng } from '../src/server/plan-import/test-fixtures';

const root = path.resolve(import.meta.dirname, '..');
const lines = fs.readFileSync(path.join(root, 'src/domain/plan-text/fixtures/clean-plan.txt'), 'utf8').split('\n');
fs.writeFileSync(path.join(root, 'examples/ke-hoach-tuyen-truyen-2021.docx'), await docxFile(lines));
// One page as a scanner gives it: the header and the first sections, as an image (Vietnamese OCR reads it).
fs.writeFileSync(path.join(root, 'examples/trang-quet-ke-hoach.png'), textPng(lines.slice(0, 26), 26));
console.log('examples/ke-hoach-tuyen-truyen-2021.docx, examples/trang-quet-ke-hoach.png');
