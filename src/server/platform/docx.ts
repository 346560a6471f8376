/**
 * Administrative documents in the layout of Decree 30/2020/NĐ-CP, Annex I (DOMAIN.md §5):
 * A4; Times New Roman; margins top/bottom 20 mm, left 30 mm, right 15 mm; the issuer (with its
 * parent body above it, not bold) and "Số: …" on the left, Quốc hiệu and Tiêu ngữ (underlined)
 * with the italic place-and-date line on the right; the document type and trích yếu centred in
 * bold; the body in 14 pt; the signer block (KT./TM./TL.) on the right and "Nơi nhận:" on the
 * left; page numbers at the top centre from page 2. The number is left blank for the clerical
 * office (văn thư), which issues it (Decree 30/2020 Art. 15; DOMAIN.md §7.4).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import { formatDocumentDateLine } from '../../domain';

const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const pt = (n: number) => n * 2; // docx sizes are half-points
// A4 210 mm less the margins (30 mm left, 15 mm right) leaves 165 mm for the text.
const BODY_MM = 165;
const LEFT_MM = 62;
const RIGHT_MM = BODY_MM - LEFT_MM;

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean; italic?: boolean; indent?: boolean }
  | { kind: 'table'; header: string[]; rows: (string | number)[][]; widths?: number[] };

export type AdministrativeDocument = {
  issuerParent?: string | null;
  issuer: string;
  /** e.g. "/KH-SKHCN": the number is left blank for the clerical office. */
  numberSymbol?: string | null;
  place: string;
  /** ISO date, or null for "ngày … tháng … năm …" to be filled at signing. */
  date: string | null;
  documentType: string;
  summary: string;
  body: Block[];
  signer: { mode?: string | null; authority?: string | null; title?: string | null; name?: string | null };
  recipients: { name: string; role?: string | null }[];
  archive?: string | null;
};

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function run(text: string, o: { bold?: boolean; italic?: boolean; size?: number; underline?: boolean } = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: pt(o.size ?? 14),
    bold: o.bold,
    italics: o.italic,
    ...(o.underline ? { underline: {} } : {}),
  });
}

function centered(children: ParagraphChild[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after, line: 240 }, children });
}

/** A short solid line under the issuer name and the motto (drawn as a bottom border). */
function rule(widthMm: number, containerMm: number): Paragraph {
  const side = Math.max(0, (containerMm - widthMm) / 2) * MM;
  return new Paragraph({
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { after: 120 },
    children: [],
  });
}

function header(doc: AdministrativeDocument): Table {
  const dateLine = doc.date ? formatDocumentDateLine(doc.place, doc.date) : `${doc.place}, ngày      tháng      năm`;
  const symbol = doc.numberSymbol?.trim() ? doc.numberSymbol.trim() : '';
  const left = [
    ...(doc.issuerParent ? [centered([run(doc.issuerParent.toUpperCase(), { size: 13 })])] : []),
    centered([run(doc.issuer.toUpperCase(), { bold: true, size: 13 })]),
    rule(22, LEFT_MM),
    centered([run(`Số: ${symbol.startsWith('/') || symbol === '' ? `       ${symbol}` : symbol}`, { size: 13 })]),
  ];
  const right = [
    centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 })]),
    centered([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 })]),
    rule(58, RIGHT_MM),
    centered([run(dateLine, { italic: true, size: 14 })]),
  ];
  return new Table({
    width: { size: BODY_MM * MM, type: WidthType.DXA },
    columnWidths: [LEFT_MM * MM, RIGHT_MM * MM],
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: LEFT_MM * MM, type: WidthType.DXA }, borders: noBorders, children: left }),
          new TableCell({ width: { size: RIGHT_MM * MM, type: WidthType.DXA }, borders: noBorders, children: right }),
        ],
      }),
    ],
  });
}

function bodyBlock(b: Block): (Paragraph | Table)[] {
  if (b.kind === 'heading')
    return [
      new Paragraph({
        spacing: { before: 120, after: 60, line: 300 },
        indent: { firstLine: 10 * MM },
        children: [run(b.text, { bold: true })],
      }),
    ];
  if (b.kind === 'paragraph') {
    return b.text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { after: 60, line: 300 },
          indent: b.indent === false ? undefined : { firstLine: 10 * MM },
          children: [run(line, { bold: b.bold, italic: b.italic })],
        }),
    );
  }
  const widths = b.widths ?? b.header.map(() => Math.floor(100 / b.header.length));
  const cell = (text: string | number, bold: boolean, i: number) =>
    new TableCell({
      width: { size: widths[i] ?? 10, type: WidthType.PERCENTAGE },
      children: [
        new Paragraph({
          alignment: typeof text === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [run(typeof text === 'number' ? text.toLocaleString('vi-VN') : text, { bold, size: 12 })],
        }),
      ],
    });
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, true, i)) }),
        ...b.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, i)) })),
      ],
    }),
    new Paragraph({ children: [] }),
  ];
}

function signature(doc: AdministrativeDocument): Table {
  const recipients = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italic: true, size: 12 })] }),
    ...doc.recipients.map(
      (r, i) =>
        new Paragraph({
          children: [
            run(`- ${r.name}${r.role ? ` (${r.role})` : ''}${i === doc.recipients.length - 1 && !doc.archive ? '.' : ';'}`, { size: 11 }),
          ],
        }),
    ),
    ...(doc.archive ? [new Paragraph({ children: [run(`- Lưu: ${doc.archive.replace(/\.$/, '')}.`, { size: 11 })] })] : []),
  ];
  const s = doc.signer;
  const first = s.mode && s.authority ? `${s.mode} ${s.authority}` : (s.authority ?? s.title ?? '');
  const signer = [
    centered([run(first.toUpperCase(), { bold: true })]),
    ...(s.mode && s.title ? [centered([run(s.title.toUpperCase(), { bold: true })])] : []),
    ...Array.from({ length: 4 }, () => new Paragraph({ children: [] })),
    centered([run(s.name ?? '', { bold: true })]),
  ];
  const half = (BODY_MM / 2) * MM;
  return new Table({
    width: { size: BODY_MM * MM, type: WidthType.DXA },
    columnWidths: [half, half],
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: half, type: WidthType.DXA }, borders: noBorders, children: recipients }),
          new TableCell({ width: { size: half, type: WidthType.DXA }, borders: noBorders, children: signer }),
        ],
      }),
    ],
  });
}

/** Render the document to .docx bytes. */
export async function renderAdministrativeDocument(doc: AdministrativeDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'danchu',
    title: `${doc.documentType} ${doc.summary}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM, header: 10 * MM },
          },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })],
              }),
            ],
          }),
        },
        children: [
          header(doc),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          centered([run(doc.documentType.toUpperCase(), { bold: true })]),
          centered([run(doc.summary, { bold: true })]),
          rule(40, BODY_MM),
          ...doc.body.flatMap(bodyBlock),
          new Paragraph({ children: [] }),
          signature(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
