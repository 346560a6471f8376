/**
 * The printable case file (hồ sơ vụ việc): cover facts, the statutory deadlines with how they
 * were computed, and the list of documents in order with page-like numbering, as Law 02/2011
 * Art. 34 and Law 25/2018 Art. 36 ask of a case file. Protected identities appear masked, as the
 * reader saw them: a printed copy must not leak what the screen hid.
 */
import { CASE_CHANNEL_LABELS, CASE_KIND_LABELS, CASE_STATUS_LABELS, EVENT_TYPE_LABELS, type TCase } from '../../../contracts/cases';
import { formatDmy } from '../../../domain';
import { renderAdministrativeDocument, type Block } from '../../platform/docx';

export async function caseFileDocx(
  c: TCase,
  agency: { name: string; parentName: string | null; place: string },
  today: string,
): Promise<Buffer> {
  const dl = c.deadlines.map((d) => [
    d.title,
    formatDmy(d.trigger),
    formatDmy(d.due),
    {
      open: 'Đang tính',
      met: `Đúng hạn (${d.metOn ? formatDmy(d.metOn) : ''})`,
      missed: d.metOn ? `Trễ hạn (${formatDmy(d.metOn)})` : 'Quá hạn',
      stopped: 'Tạm dừng / kết thúc',
    }[d.status],
  ]);
  const body: Block[] = [
    { kind: 'heading', text: 'I. THÔNG TIN VỤ VIỆC' },
    {
      kind: 'table',
      header: ['Mục', 'Nội dung'],
      widths: [30, 70],
      rows: [
        ['Số hồ sơ', c.code],
        ['Loại đơn', `${CASE_KIND_LABELS[c.kind].vi}${c.instance === 2 ? ' (lần hai)' : ''}`],
        ['Kênh tiếp nhận', CASE_CHANNEL_LABELS[c.channel].vi + (c.sourceBody ? ` — ${c.sourceBody}` : '')],
        ['Ngày nhận', formatDmy(c.receivedOn)],
        ['Trích yếu', c.subject],
        ['Trạng thái', CASE_STATUS_LABELS[c.status].vi],
        ['Đơn vị xử lý', c.unit?.name ?? '—'],
        ['Người xử lý', c.handler?.name ?? '—'],
        ['Người có thẩm quyền', c.decisionMaker?.name ?? '—'],
        [
          'Tính phức tạp',
          { standard: 'Không phức tạp', complex: 'Phức tạp', especially_complex: 'Đặc biệt phức tạp' }[c.complexity.level] +
            (c.complexity.criteria.length ? ` (tiêu chí ${c.complexity.criteria.join(', ')})` : ''),
        ],
      ],
    },
    { kind: 'paragraph', text: 'Nội dung:', bold: true },
    ...(c.content ?? 'Nội dung đơn tố cáo chỉ người xử lý và người có thẩm quyền giải quyết được xem (Điều 8, Điều 47 Luật Tố cáo).')
      .split(/\n+/)
      .map((t) => ({ kind: 'paragraph' as const, text: t, indent: true })),
    { kind: 'heading', text: 'II. NGƯỜI LIÊN QUAN' },
    {
      kind: 'table',
      header: ['Vai trò', 'Họ tên, địa chỉ'],
      widths: [30, 70],
      rows: c.parties.map((p) => [
        p.label,
        p.masked
          ? 'Được bảo vệ theo Điều 8, Điều 47 Luật Tố cáo — không in'
          : [p.identity?.name, p.identity?.address].filter(Boolean).join(', '),
      ]),
    },
    { kind: 'heading', text: 'III. THỜI HẠN THEO QUY ĐỊNH' },
    { kind: 'table', header: ['Thời hạn', 'Tính từ', 'Hạn', 'Tình trạng'], widths: [40, 15, 15, 30], rows: dl },
    ...c.deadlines.flatMap((d) => [
      { kind: 'paragraph' as const, text: `${d.title}:`, italic: true },
      ...d.explanation.map((t) => ({ kind: 'paragraph' as const, text: t, indent: true })),
    ]),
    { kind: 'heading', text: 'IV. DANH MỤC TÀI LIỆU, DIỄN BIẾN GIẢI QUYẾT' },
    {
      kind: 'table',
      header: ['STT', 'Ngày', 'Bước', 'Nội dung, văn bản', 'Người thực hiện'],
      widths: [6, 16, 18, 42, 18],
      rows: c.events.map((e, i) => [
        i + 1,
        formatDmy(e.on),
        EVENT_TYPE_LABELS[e.type].vi,
        [
          e.summary,
          e.decisionNo ? `Văn bản: ${e.decisionNo}` : '',
          e.attachment ? `Tệp: ${e.attachment.filename}` : '',
          e.type === 'identity_revealed' ? '' : (e.note ?? ''),
        ]
          .filter(Boolean)
          .join('. '),
        e.actorName,
      ]),
    },
  ];
  if (c.outcome) body.push({ kind: 'heading', text: 'V. KẾT QUẢ GIẢI QUYẾT' }, { kind: 'paragraph', text: c.outcome });
  return renderAdministrativeDocument({
    issuerParent: agency.parentName,
    issuer: agency.name,
    numberSymbol: null,
    place: agency.place,
    date: today,
    documentType: 'HỒ SƠ',
    summary: `Giải quyết ${CASE_KIND_LABELS[c.kind].vi.toLowerCase()} số ${c.code}`,
    body,
    signer: { title: 'NGƯỜI LẬP HỒ SƠ', name: null },
    recipients: [{ name: 'Lưu: hồ sơ vụ việc', role: null }],
    archive: null,
  });
}
