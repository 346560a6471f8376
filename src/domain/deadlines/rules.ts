/**
 * The statutory deadline rules of DOMAIN.md §7.3 as versioned data (seed data of the engine).
 *
 * Day types follow the literal text (DOMAIN.md §2): "ngày làm việc" → 'working_days'; a bare
 * "ngày" → 'calendar_days' (with the Civil Code Art. 148(5) roll); "tháng"/"năm" → 'months' /
 * 'years'. A version applies to cases whose TRIGGER date lies in [validFrom, validTo]. When the
 * law changes, add a version, close the old one with `validTo` (its last day), never edit the old
 * one in place. The one exception is a transitional provision, which reaches cases triggered
 * before the change: it is recorded on the old version as a ground dated from the change (e.g.
 * `suspension.from` on KN-L1 v1, Decree 155/2026 Art. 22(1)), its period left as it was.
 * Confidence marks come from DOMAIN.md ('reported' texts must be checked before production,
 * DOMAIN.md §7.4).
 *
 * TCD-HEAD-FREQ is kept in the same registry as a rule of kind 'frequency': it says how often
 * the head must receive citizens, not by when something is due, so `computeDeadline` refuses it
 * and `frequencyPeriod` answers for it.
 */

import { formatDmy } from '../dates';
import { LAW_136_2025_DAY_BEFORE, LAW_136_2025_EFFECTIVE } from '../legal-dates';
import type { LegalBasis, RuleVersion, SuspensionRule } from './types';

/** Short names of the documents cited, keyed by number and symbol, for display. */
export const LEGAL_DOCUMENTS: Readonly<Record<string, { readonly title: string; readonly titleEn: string }>> = {
  '91/2015/QH13': { title: 'Bộ luật Dân sự', titleEn: 'Civil Code' },
  '10/2022/QH15': { title: 'Luật Thực hiện dân chủ ở cơ sở', titleEn: 'Law on Grassroots Democracy' },
  '59/2023/NĐ-CP': { title: 'Nghị định', titleEn: 'Decree' },
  '42/2013/QH13': { title: 'Luật Tiếp công dân', titleEn: 'Law on Citizen Reception' },
  '02/2011/QH13': { title: 'Luật Khiếu nại', titleEn: 'Law on Complaints' },
  '124/2020/NĐ-CP': { title: 'Nghị định', titleEn: 'Decree' },
  '155/2026/NĐ-CP': { title: 'Nghị định', titleEn: 'Decree' },
  '136/2025/QH15': {
    title: 'Luật sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo',
    titleEn: 'Law amending the Laws on Citizen Reception, Complaints and Denunciations',
  },
  '25/2018/QH14': { title: 'Luật Tố cáo', titleEn: 'Law on Denunciations' },
  '31/2019/NĐ-CP': { title: 'Nghị định', titleEn: 'Decree' },
  '05/2021/TT-TTCP': { title: 'Thông tư', titleEn: 'Circular' },
  '20/2008/NĐ-CP': { title: 'Nghị định', titleEn: 'Decree' },
  '48/2013/NĐ-CP': { title: 'Nghị định', titleEn: 'Decree' },
};

/**
 * One legal reference as a Vietnamese phrase.
 * @param basis - the reference.
 * @returns e.g. 'Điều 28, Luật Khiếu nại số 02/2011/QH13' (the note, if any, after a dash).
 */
export function formatBasis(basis: LegalBasis): string {
  const doc = LEGAL_DOCUMENTS[basis.document];
  const name = doc ? `${doc.title} số ${basis.document}` : basis.document;
  const head = basis.article ? `${basis.article}, ${name}` : `${name} (chưa xác định điều khoản)`;
  return (basis.note ? `${head} — ${basis.note}` : head).normalize('NFC');
}

// Effective dates of the texts (DOMAIN.md §1–§2).
/** Law 02/2011/QH13 (complaints) in force. */
const KN_LAW_FROM = '2012-07-01';
/** Law 42/2013/QH13 (citizen reception) in force. */
const TCD_LAW_FROM = '2014-07-01';
/** Law 25/2018/QH14 (denunciations) in force. */
const TC_LAW_FROM = '2019-01-01';
/** Law 10/2022/QH15 (grassroots democracy) in force. */
const DC_LAW_FROM = '2023-07-01';
/** Decree 59/2023/NĐ-CP in force (DOMAIN.md §1.1: issued 14/08/2023, in force 15/08/2023). */
const ND59_FROM = '2023-08-15';
// Law 136/2025/QH15 and Decree 155/2026/NĐ-CP: LAW_136_2025_EFFECTIVE (../legal-dates).

const L10 = '10/2022/QH15';
const L42 = '42/2013/QH13';
const L02 = '02/2011/QH13';
const L25 = '25/2018/QH14';
const L136 = '136/2025/QH15';

/** Suspension of complaint resolution from 01/07/2026 (Law 136/2025, new Art. 11a). */
const KN_SUSPENSION = {
  kind: 'decision',
  basis: [
    {
      document: L136,
      article: 'Điều 11a Luật Khiếu nại (được bổ sung)',
      note: 'tạm đình chỉ giải quyết khiếu nại; thời hạn tính tiếp từ quyết định tiếp tục giải quyết',
    },
    {
      document: '155/2026/NĐ-CP',
      article: 'Điều 12',
      note: 'bổ sung Điều 28b Nghị định số 124/2020/NĐ-CP: thời hạn giải quyết tiếp tục được tính từ ngày ban hành quyết định tiếp tục giải quyết',
    },
  ],
  confidence: 'confirmed',
} as const;

/**
 * Suspension of a complaint accepted before 01/07/2026 and not yet decided: the transitional
 * provision of Decree 155/2026/NĐ-CP (Art. 22(1)) applies its withdrawal, suspension, termination
 * and dialogue rules to such cases, so a suspension decided from 01/07/2026 stops their clock as
 * it does for a later complaint (issue #14). Before that day there was no ground.
 */
const KN_SUSPENSION_TRANSITIONAL: SuspensionRule = {
  kind: 'decision',
  from: LAW_136_2025_EFFECTIVE,
  basis: [
    {
      document: '155/2026/NĐ-CP',
      article: 'Điều 22 khoản 1',
      note: `quy định chuyển tiếp: vụ việc đã thông báo thụ lý trước ngày ${formatDmy(LAW_136_2025_EFFECTIVE)} và chưa có quyết định giải quyết được tạm đình chỉ, đình chỉ theo Nghị định này`,
    },
    ...KN_SUSPENSION.basis,
  ],
  confidence: 'reported',
};

/**
 * The seed rules. Ids exactly as in DOMAIN.md §7.3; one entry per (id, version).
 */
export const DEADLINE_RULES: readonly RuleVersion[] = [
  // ── Law 10/2022/QH15: democracy in agencies (Chapter III) ──────────────────────────────────
  {
    kind: 'deadline',
    id: 'DC-PUBLISH',
    version: 1,
    title: 'Công khai thông tin theo Điều 46',
    titleEn: 'Publish an Art. 46 item',
    trigger: 'Ngày ban hành quyết định, văn bản về nội dung phải công khai',
    triggerEn: 'Date of the decision or document on the matter to publish',
    duration: 5,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn công khai',
    dueLabelEn: 'Publish by',
    validFrom: DC_LAW_FROM,
    basis: [{ document: L10, article: 'Điều 47 khoản 2', note: 'chậm nhất 05 ngày làm việc, trừ khi luật khác quy định' }],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'DC-POST-MIN',
    version: 1,
    title: 'Thời gian niêm yết, đăng tải tối thiểu',
    titleEn: 'Minimum posting period',
    trigger: 'Ngày bắt đầu niêm yết hoặc đăng tải',
    triggerEn: 'First day of posting',
    duration: 20,
    unit: 'calendar_days',
    direction: 'after',
    dueLabel: 'Giữ niêm yết liên tục ít nhất đến hết ngày',
    dueLabelEn: 'Keep posted at least until the end of',
    communeLevel: { duration: 30 },
    validFrom: DC_LAW_FROM,
    basis: [
      { document: L10, article: 'Điều 48 khoản 1, khoản 2', note: 'ít nhất 20 ngày liên tục (cơ quan, đơn vị)' },
      { document: L10, article: 'Điều 13 khoản 2', note: 'ít nhất 30 ngày liên tục (cấp xã)' },
    ],
    confidence: 'confirmed',
    notes: [
      'Ngày bắt đầu niêm yết không tính (Điều 147 BLDS 2015); không bắt buộc niêm yết nếu đã thông báo bằng văn bản đến toàn thể (Điều 48 khoản 2).',
    ],
  },
  {
    kind: 'deadline',
    id: 'DC-CONF',
    version: 1,
    title: 'Tổ chức hội nghị cán bộ, công chức, viên chức, người lao động',
    titleEn: 'Hold the annual staff conference',
    trigger: 'Ngày kết thúc năm công tác',
    triggerEn: 'End of the work year',
    duration: 3,
    unit: 'months',
    direction: 'after',
    dueLabel: 'Hạn tổ chức hội nghị',
    dueLabelEn: 'Hold the conference by',
    validFrom: DC_LAW_FROM,
    basis: [{ document: L10, article: 'Điều 51 khoản 1', note: 'mỗi năm một lần, chậm nhất 03 tháng sau khi kết thúc năm công tác' }],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'DC-RES-REVIEW',
    version: 1,
    title: 'Kiểm tra việc thực hiện nghị quyết hội nghị',
    titleEn: 'Review implementation of the conference resolution',
    trigger: 'Ngày thông qua nghị quyết hội nghị',
    triggerEn: 'Date the conference resolution was adopted',
    duration: 6,
    unit: 'months',
    direction: 'after',
    recurring: true,
    dueLabel: 'Hạn kiểm tra, thông báo kết quả',
    dueLabelEn: 'Review and inform staff by',
    validFrom: DC_LAW_FROM,
    basis: [{ document: L10, article: 'Điều 52 khoản 3', note: 'định kỳ 06 tháng, người đứng đầu và công đoàn kiểm tra, thông báo' }],
    confidence: 'confirmed',
    notes: ['Nghĩa vụ lặp lại: kỳ thứ n đến hạn n × 6 tháng sau ngày thông qua nghị quyết.'],
  },
  {
    kind: 'deadline',
    id: 'BTTND-RECOG',
    version: 1,
    title: 'Công nhận kết quả bầu Ban Thanh tra nhân dân',
    titleEn: "Recognise the People's Inspection Board election",
    trigger: 'Ngày hội nghị bầu Ban Thanh tra nhân dân',
    triggerEn: 'Date of the election conference',
    duration: 5,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn công nhận',
    dueLabelEn: 'Recognise by',
    validFrom: ND59_FROM,
    basis: [
      { document: '59/2023/NĐ-CP', article: 'Điều 21 khoản 1', note: 'ban chấp hành công đoàn công nhận chậm nhất 05 ngày làm việc' },
    ],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'BTTND-NOTICE',
    version: 1,
    title: 'Thông báo kế hoạch kiểm tra, giám sát của Ban Thanh tra nhân dân',
    titleEn: "Notify an inspection of the People's Inspection Board",
    trigger: 'Ngày dự kiến bắt đầu hoạt động kiểm tra, giám sát',
    triggerEn: 'Planned start of the inspection or supervision',
    duration: 5,
    unit: 'working_days',
    direction: 'before',
    dueLabel: 'Thông báo chậm nhất vào ngày',
    dueLabelEn: 'Notify no later than',
    validFrom: ND59_FROM,
    basis: [
      {
        document: '59/2023/NĐ-CP',
        article: 'Điều 22',
        note: 'báo cáo công đoàn, thông báo đối tượng ít nhất 05 ngày làm việc trước khi tiến hành',
      },
    ],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'BTTND-REPLY',
    version: 1,
    title: 'Giải quyết kiến nghị của Ban Thanh tra nhân dân',
    titleEn: "Answer a People's Inspection Board recommendation",
    trigger: 'Ngày nhận được kiến nghị',
    triggerEn: 'Receipt of the recommendation',
    duration: 15,
    unit: 'calendar_days',
    direction: 'after',
    dueLabel: 'Hạn giải quyết, thông báo kết quả',
    dueLabelEn: 'Resolve and notify by',
    validFrom: DC_LAW_FROM,
    basis: [{ document: L10, article: 'Điều 63 khoản 1 điểm c', note: 'trong thời hạn 15 ngày kể từ ngày nhận được kiến nghị' }],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'BTTND-TERM',
    version: 1,
    title: 'Nhiệm kỳ Ban Thanh tra nhân dân',
    titleEn: "Term of the People's Inspection Board",
    trigger: 'Ngày bắt đầu nhiệm kỳ',
    triggerEn: 'Start of the term',
    duration: 2,
    unit: 'years',
    direction: 'after',
    dueLabel: 'Hết nhiệm kỳ',
    dueLabelEn: 'Term ends',
    validFrom: DC_LAW_FROM,
    basis: [{ document: L10, article: 'Điều 60 khoản 3', note: 'nhiệm kỳ 02 năm' }],
    confidence: 'confirmed',
  },
  // ── Law 42/2013/QH13: citizen reception ────────────────────────────────────────────────────
  {
    kind: 'deadline',
    id: 'TCD-SCHED',
    version: 1,
    title: 'Niêm yết lịch tiếp công dân của người đứng đầu',
    titleEn: "Post the head's citizen-reception schedule",
    trigger: 'Ngày tiếp công dân của người đứng đầu',
    triggerEn: "The head's reception day",
    duration: 5,
    unit: 'working_days',
    direction: 'before',
    dueLabel: 'Niêm yết lịch chậm nhất vào ngày',
    dueLabelEn: 'Post the schedule no later than',
    validFrom: TCD_LAW_FROM,
    basis: [
      { document: L42, article: 'Điều 24 khoản 4', note: 'lịch tiếp công dân của người đứng đầu niêm yết ít nhất 05 ngày làm việc trước' },
    ],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'TCD-REPLY',
    version: 1,
    title: 'Trả lời người đến khiếu nại, tố cáo, kiến nghị, phản ánh',
    titleEn: 'Reply to the visitor',
    trigger: 'Ngày tiếp nhận nội dung khi tiếp công dân',
    triggerEn: 'Intake at the reception',
    duration: 10,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn trả lời',
    dueLabelEn: 'Reply by',
    validFrom: TCD_LAW_FROM,
    basis: [
      { document: L42, article: 'Điều 28 khoản 1', note: 'thụ lý, chưa thụ lý, từ chối hoặc chuyển đơn, trả lời trong 10 ngày làm việc' },
    ],
    confidence: 'confirmed',
  },
  {
    kind: 'frequency',
    id: 'TCD-HEAD-FREQ',
    version: 1,
    title: 'Người đứng đầu trực tiếp tiếp công dân định kỳ',
    titleEn: 'The head receives citizens in person',
    trigger: 'Tháng dương lịch',
    triggerEn: 'Calendar month',
    minSessions: 1,
    per: 'month',
    variants: [
      {
        key: 'commune_chair',
        title: 'Chủ tịch Ủy ban nhân dân cấp xã',
        titleEn: "Chair of a commune People's Committee",
        minSessions: 1,
        per: 'week',
        basis: [{ document: L42, article: 'Điều 15 khoản 2 điểm d', note: 'ít nhất 01 ngày trong 01 tuần' }],
      },
    ],
    validFrom: TCD_LAW_FROM,
    basis: [
      { document: L42, article: 'Điều 18 khoản 2', note: 'người đứng đầu cơ quan hành chính: ít nhất 01 ngày trong 01 tháng' },
      { document: L136, note: 'không được ủy quyền cho cấp phó tiếp công dân (từ 01/07/2026)' },
    ],
    confidence: 'confirmed',
  },
  // ── Law 02/2011/QH13: complaints ───────────────────────────────────────────────────────────
  {
    kind: 'deadline',
    id: 'KN-LIMIT',
    version: 1,
    title: 'Thời hiệu khiếu nại',
    titleEn: 'Limitation period for a complaint',
    trigger: 'Ngày nhận được hoặc biết được quyết định hành chính, hành vi hành chính',
    triggerEn: 'Receipt or knowledge of the administrative decision or act',
    duration: 90,
    unit: 'calendar_days',
    direction: 'after',
    dueLabel: 'Hết thời hiệu',
    dueLabelEn: 'Limitation ends',
    suspension: {
      kind: 'obstacle',
      basis: [
        {
          document: L02,
          article: 'Điều 9',
          note: 'thời gian ốm đau, thiên tai, địch họa, đi công tác, học tập ở nơi xa… không tính vào thời hiệu',
        },
      ],
      confidence: 'confirmed',
    },
    validFrom: KN_LAW_FROM,
    basis: [{ document: L02, article: 'Điều 9', note: '90 ngày' }],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'KN-ACCEPT',
    version: 1,
    title: 'Thụ lý giải quyết khiếu nại',
    titleEn: 'Accept a complaint',
    trigger: 'Ngày nhận được khiếu nại thuộc thẩm quyền',
    triggerEn: 'Receipt of a complaint within competence',
    duration: 10,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn thụ lý, thông báo',
    dueLabelEn: 'Accept and notify by',
    validFrom: KN_LAW_FROM,
    validTo: LAW_136_2025_DAY_BEFORE,
    basis: [
      { document: L02, article: 'Điều 27', note: 'thụ lý lần đầu, thông báo bằng văn bản' },
      { document: L02, article: 'Điều 36', note: 'thụ lý lần hai' },
      { document: '124/2020/NĐ-CP', article: 'Điều 16 khoản 1', note: 'thụ lý trong 10 ngày làm việc kể từ ngày nhận được khiếu nại' },
    ],
    confidence: 'confirmed',
    notes: [
      'Luật Khiếu nại (Điều 27, Điều 36) ghi "10 ngày"; thời hạn được tính theo ngày làm việc như khoản 1 Điều 16 Nghị định số 124/2020/NĐ-CP quy định chi tiết Luật ("10 ngày làm việc").',
    ],
  },
  {
    kind: 'deadline',
    id: 'KN-ACCEPT',
    version: 2,
    title: 'Thụ lý giải quyết khiếu nại',
    titleEn: 'Accept a complaint',
    trigger: 'Ngày nhận được khiếu nại thuộc thẩm quyền',
    triggerEn: 'Receipt of a complaint within competence',
    duration: 7,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn thụ lý, thông báo',
    dueLabelEn: 'Accept and notify by',
    validFrom: LAW_136_2025_EFFECTIVE,
    basis: [
      { document: L02, article: 'Điều 27, Điều 36', note: 'thụ lý lần đầu, lần hai' },
      {
        document: '155/2026/NĐ-CP',
        article: 'Điều 10',
        note: 'sửa đổi khoản 1 Điều 16 Nghị định số 124/2020/NĐ-CP: thụ lý trong 07 ngày làm việc',
      },
    ],
    confidence: 'reported',
  },
  {
    kind: 'deadline',
    id: 'KN-L1',
    version: 1,
    title: 'Giải quyết khiếu nại lần đầu',
    titleEn: 'First-instance complaint resolution',
    trigger: 'Ngày thụ lý',
    triggerEn: 'Acceptance',
    duration: 30,
    unit: 'calendar_days',
    direction: 'after',
    dueLabel: 'Hạn giải quyết lần đầu',
    dueLabelEn: 'Resolve (first instance) by',
    complex: { duration: 45 },
    remote: { duration: 45, complexDuration: 60 },
    suspension: KN_SUSPENSION_TRANSITIONAL,
    validFrom: KN_LAW_FROM,
    validTo: LAW_136_2025_DAY_BEFORE,
    basis: [{ document: L02, article: 'Điều 28', note: '30 ngày; phức tạp 45; vùng sâu, vùng xa 45, phức tạp 60' }],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'KN-L1',
    version: 2,
    title: 'Giải quyết khiếu nại lần đầu',
    titleEn: 'First-instance complaint resolution',
    trigger: 'Ngày thụ lý',
    triggerEn: 'Acceptance',
    duration: 30,
    unit: 'calendar_days',
    direction: 'after',
    dueLabel: 'Hạn giải quyết lần đầu',
    dueLabelEn: 'Resolve (first instance) by',
    complex: { duration: 45 },
    remote: { duration: 45, complexDuration: 60 },
    suspension: KN_SUSPENSION,
    validFrom: LAW_136_2025_EFFECTIVE,
    basis: [
      { document: L02, article: 'Điều 28', note: '30 ngày; phức tạp 45; vùng sâu, vùng xa 45, phức tạp 60' },
      { document: L136, article: 'Điều 11a Luật Khiếu nại (được bổ sung)', note: 'tạm đình chỉ, đình chỉ giải quyết khiếu nại' },
    ],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'KN-L2-WINDOW',
    version: 1,
    title: 'Thời hạn khiếu nại lần hai',
    titleEn: 'Window for a second-instance complaint',
    trigger: 'Ngày nhận được quyết định giải quyết lần đầu, hoặc ngày hết thời hạn giải quyết lần đầu mà chưa được giải quyết',
    triggerEn: 'Receipt of the first-instance decision, or expiry of the first-instance period unresolved',
    duration: 30,
    unit: 'calendar_days',
    direction: 'after',
    dueLabel: 'Hết thời hạn khiếu nại lần hai',
    dueLabelEn: 'Second complaint possible until',
    remote: { duration: 45 },
    validFrom: KN_LAW_FROM,
    basis: [{ document: L02, article: 'Điều 33', note: '30 ngày; vùng sâu, vùng xa không quá 45 ngày' }],
    confidence: 'confirmed',
    notes: [
      'Tính từ ngày người khiếu nại nhận được quyết định giải quyết lần đầu, không phải ngày ban hành quyết định; nếu hết thời hạn giải quyết lần đầu mà chưa có quyết định thì tính từ ngày hết thời hạn đó.',
    ],
  },
  {
    kind: 'deadline',
    id: 'KN-L2',
    version: 1,
    title: 'Giải quyết khiếu nại lần hai',
    titleEn: 'Second-instance complaint resolution',
    trigger: 'Ngày thụ lý',
    triggerEn: 'Acceptance',
    duration: 45,
    unit: 'calendar_days',
    direction: 'after',
    dueLabel: 'Hạn giải quyết lần hai',
    dueLabelEn: 'Resolve (second instance) by',
    complex: { duration: 60 },
    remote: { duration: 60, complexDuration: 70 },
    suspension: KN_SUSPENSION_TRANSITIONAL,
    validFrom: KN_LAW_FROM,
    validTo: LAW_136_2025_DAY_BEFORE,
    basis: [{ document: L02, article: 'Điều 37', note: '45 ngày; phức tạp 60; vùng sâu, vùng xa 60, phức tạp 70' }],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'KN-L2',
    version: 2,
    title: 'Giải quyết khiếu nại lần hai',
    titleEn: 'Second-instance complaint resolution',
    trigger: 'Ngày thụ lý',
    triggerEn: 'Acceptance',
    duration: 45,
    unit: 'calendar_days',
    direction: 'after',
    dueLabel: 'Hạn giải quyết lần hai',
    dueLabelEn: 'Resolve (second instance) by',
    complex: { duration: 60 },
    remote: { duration: 60, complexDuration: 70 },
    suspension: KN_SUSPENSION,
    validFrom: LAW_136_2025_EFFECTIVE,
    basis: [
      { document: L02, article: 'Điều 37', note: '45 ngày; phức tạp 60; vùng sâu, vùng xa 60, phức tạp 70' },
      { document: L136, article: 'Điều 11a Luật Khiếu nại (được bổ sung)', note: 'tạm đình chỉ, đình chỉ giải quyết khiếu nại' },
    ],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'KN-L2-SEND',
    version: 1,
    title: 'Gửi quyết định giải quyết khiếu nại lần hai',
    titleEn: 'Send the second-instance decision',
    trigger: 'Ngày ban hành quyết định giải quyết khiếu nại lần hai',
    triggerEn: 'Date of the second-instance decision',
    duration: 7,
    unit: 'calendar_days',
    direction: 'after',
    dueLabel: 'Hạn gửi quyết định',
    dueLabelEn: 'Send by',
    validFrom: KN_LAW_FROM,
    basis: [{ document: L02, article: 'Điều 41', note: 'gửi trong 07 ngày cho các bên liên quan; công khai quyết định' }],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'KN-SUSPEND-SEND',
    version: 1,
    title: 'Gửi quyết định tạm đình chỉ, đình chỉ giải quyết khiếu nại',
    titleEn: 'Send a suspension or termination decision',
    trigger: 'Ngày ban hành quyết định tạm đình chỉ hoặc đình chỉ',
    triggerEn: 'Date of the suspension or termination decision',
    duration: 3,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn gửi quyết định',
    dueLabelEn: 'Send by',
    validFrom: LAW_136_2025_EFFECTIVE,
    basis: [
      { document: L136, article: 'Điều 11a Luật Khiếu nại (được bổ sung)', note: 'tạm đình chỉ, đình chỉ giải quyết khiếu nại' },
      {
        document: '155/2026/NĐ-CP',
        article: 'Điều 12',
        note: 'bổ sung khoản 1 Điều 28b Nghị định số 124/2020/NĐ-CP: gửi quyết định (Mẫu số 14a) trong 03 ngày làm việc kể từ ngày ban hành',
      },
    ],
    confidence: 'reported',
  },
  {
    kind: 'deadline',
    id: 'KN-RESUME-SEND',
    version: 1,
    title: 'Gửi quyết định tiếp tục giải quyết khiếu nại',
    titleEn: 'Send the decision to resume a complaint',
    trigger: 'Ngày ban hành quyết định tiếp tục giải quyết khiếu nại',
    triggerEn: 'Date of the decision to resume',
    duration: 3,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn gửi quyết định',
    dueLabelEn: 'Send by',
    // A complaint accepted earlier and suspended under the transitional provision (Decree
    // 155/2026 Art. 22(1)) is resumed on or after this day too, so this date suffices.
    validFrom: LAW_136_2025_EFFECTIVE,
    basis: [
      {
        document: '155/2026/NĐ-CP',
        article: 'Điều 12',
        note: 'bổ sung khoản 2 Điều 28b Nghị định số 124/2020/NĐ-CP: ban hành ngay quyết định tiếp tục giải quyết (Mẫu số 14b), gửi trong 03 ngày làm việc kể từ ngày ban hành',
      },
    ],
    confidence: 'reported',
    notes: ['Thời hạn giải quyết khiếu nại tiếp tục được tính từ ngày ban hành quyết định tiếp tục giải quyết.'],
  },
  // ── Law 25/2018/QH14: denunciations ────────────────────────────────────────────────────────
  {
    kind: 'deadline',
    id: 'TC-INITIAL',
    version: 1,
    title: 'Xử lý ban đầu thông tin tố cáo',
    titleEn: 'Initial processing of a denunciation',
    trigger: 'Ngày nhận được tố cáo',
    triggerEn: 'Receipt of the denunciation',
    duration: 7,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn xử lý ban đầu',
    dueLabelEn: 'Process by',
    extensions: {
      maxDuration: 3,
      maxCount: { standard: 1, complex: 1, especiallyComplex: 1 },
      requiresDecision: false,
      conditions: 'Cần xác minh ở nhiều địa điểm hoặc phải ủy quyền xác minh: kéo dài tổng thời hạn không quá 10 ngày làm việc.',
      conditionsEn: 'Verification at several places or delegated: total period up to 10 working days.',
      basis: [{ document: L25, article: 'Điều 24 khoản 1', note: 'có thể kéo dài nhưng không quá 10 ngày làm việc' }],
    },
    validFrom: TC_LAW_FROM,
    basis: [{ document: L25, article: 'Điều 24 khoản 1', note: 'vào sổ, phân loại, kiểm tra điều kiện thụ lý trong 07 ngày làm việc' }],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'TC-FORWARD',
    version: 1,
    title: 'Chuyển tố cáo không thuộc thẩm quyền',
    titleEn: 'Forward a denunciation outside competence',
    trigger: 'Ngày nhận được tố cáo',
    triggerEn: 'Receipt of the denunciation',
    duration: 5,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn chuyển đơn, thông báo người tố cáo',
    dueLabelEn: 'Forward and notify by',
    validFrom: TC_LAW_FROM,
    basis: [
      { document: L25, article: 'Điều 24 khoản 2', note: 'chuyển đến cơ quan có thẩm quyền trong 05 ngày làm việc' },
      { document: '05/2021/TT-TTCP', article: 'Điều 14', note: 'chỉ chuyển đơn một lần (Mẫu 03)' },
    ],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'TC-NOTIFY',
    version: 1,
    title: 'Thông báo thụ lý tố cáo',
    titleEn: 'Notify the acceptance of a denunciation',
    trigger: 'Ngày ra quyết định thụ lý tố cáo',
    triggerEn: 'Date of the acceptance decision',
    duration: 5,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn thông báo',
    dueLabelEn: 'Notify by',
    validFrom: TC_LAW_FROM,
    basis: [{ document: L25, article: 'Điều 29 khoản 3', note: 'thông báo người tố cáo, người bị tố cáo trong 05 ngày làm việc' }],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'TC-RESOLVE',
    version: 1,
    title: 'Giải quyết tố cáo',
    titleEn: 'Resolve a denunciation',
    trigger: 'Ngày thụ lý tố cáo',
    triggerEn: 'Acceptance',
    duration: 30,
    unit: 'calendar_days',
    direction: 'after',
    dueLabel: 'Hạn giải quyết tố cáo',
    dueLabelEn: 'Resolve by',
    extensions: {
      maxDuration: 30,
      maxCount: { standard: 0, complex: 1, especiallyComplex: 2 },
      requiresDecision: true,
      conditions:
        'Vụ việc phức tạp (có 01 tiêu chí): gia hạn 01 lần, không quá 30 ngày; đặc biệt phức tạp (từ 02 tiêu chí): gia hạn 02 lần, mỗi lần không quá 30 ngày. Mỗi lần gia hạn phải có quyết định (Mẫu 01) và thông báo cho các bên.',
      conditionsEn:
        'Complex (1 criterion): one extension of up to 30 days; especially complex (2 or more): two, each up to 30 days. Each is a decision (form 01) notified to the parties.',
      basis: [
        { document: L25, article: 'Điều 30 khoản 1', note: 'gia hạn khi vụ việc phức tạp, đặc biệt phức tạp' },
        { document: '31/2019/NĐ-CP', article: 'Điều 3', note: '07 tiêu chí phức tạp; đặc biệt phức tạp khi có từ 02 tiêu chí' },
      ],
    },
    suspension: {
      kind: 'decision',
      basis: [{ document: L25, article: 'Điều 34', note: 'thời gian tạm đình chỉ không tính vào thời hạn giải quyết tố cáo' }],
      confidence: 'confirmed',
    },
    validFrom: TC_LAW_FROM,
    basis: [{ document: L25, article: 'Điều 30 khoản 1', note: 'không quá 30 ngày kể từ ngày thụ lý' }],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'TC-CONCL-SEND',
    version: 1,
    title: 'Gửi kết luận nội dung tố cáo',
    titleEn: 'Send the denunciation conclusion',
    trigger: 'Ngày ban hành kết luận nội dung tố cáo',
    triggerEn: 'Date of the conclusion',
    duration: 5,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn gửi kết luận, thông báo người tố cáo',
    dueLabelEn: 'Send and notify by',
    validFrom: TC_LAW_FROM,
    basis: [
      {
        document: L25,
        article: 'Điều 35 khoản 3',
        note: 'gửi người bị tố cáo, cơ quan quản lý; thông báo người tố cáo trong 05 ngày làm việc',
      },
    ],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'TC-SUSPEND-SEND',
    version: 1,
    title: 'Gửi quyết định tạm đình chỉ, đình chỉ giải quyết tố cáo',
    titleEn: 'Send a denunciation suspension or termination decision',
    trigger: 'Ngày ra quyết định tạm đình chỉ hoặc đình chỉ việc giải quyết tố cáo',
    triggerEn: 'Date of the suspension or termination decision',
    duration: 5,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn gửi quyết định cho người tố cáo, người bị tố cáo',
    dueLabelEn: 'Send to the denouncer and the person denounced by',
    validFrom: TC_LAW_FROM,
    basis: [
      {
        document: L25,
        article: 'Điều 34 khoản 4',
        note: 'quyết định nêu rõ lý do, gửi người tố cáo, người bị tố cáo trong 05 ngày làm việc kể từ ngày ra quyết định',
      },
    ],
    confidence: 'confirmed',
  },
  // ── Petitions, feedback and letters ────────────────────────────────────────────────────────
  {
    kind: 'deadline',
    id: 'PAKN-QDHC-FWD',
    version: 1,
    title: 'Chuyển phản ánh, kiến nghị về quy định hành chính',
    titleEn: 'Forward a petition about an administrative regulation',
    trigger: 'Ngày nhận được phản ánh, kiến nghị về quy định hành chính',
    triggerEn: 'Receipt of the petition about an administrative regulation',
    duration: 5,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn chuyển đến cơ quan có thẩm quyền',
    dueLabelEn: 'Forward by',
    // Decree 20/2008/NĐ-CP, in force from 03/03/2008, sets the 05 working days in Art. 9(1)(d)
    // (issue #14 review); Decree 48/2013 amended that decree later and stays cited as such.
    validFrom: '2008-03-03',
    basis: [
      {
        document: '20/2008/NĐ-CP',
        article: 'Điều 9 khoản 1 điểm d',
        note: 'chuyển đến cơ quan có thẩm quyền trong 05 ngày làm việc',
      },
      { document: '48/2013/NĐ-CP', note: 'sửa đổi Nghị định 20/2008/NĐ-CP' },
    ],
    confidence: 'confirmed',
  },
  {
    kind: 'deadline',
    id: 'DON-PROCESS',
    version: 1,
    title: 'Xử lý đơn',
    titleEn: 'Process a received letter',
    trigger: 'Ngày nhận được đơn',
    triggerEn: 'Receipt of the letter',
    duration: 10,
    unit: 'working_days',
    direction: 'after',
    dueLabel: 'Hạn xử lý đơn',
    dueLabelEn: 'Process by',
    validFrom: '2021-11-15',
    basis: [{ document: '05/2021/TT-TTCP', note: 'xử lý đơn trong 10 ngày làm việc (mặc định, cần xác minh điều khoản)' }],
    confidence: 'background',
    notes: ['Đơn tố cáo theo thời hạn 07/10 ngày làm việc của Luật Tố cáo (TC-INITIAL).'],
  },
];

/**
 * The seven "complex case" criteria (Decree 31/2019/NĐ-CP Art. 3(2)). One makes a denunciation
 * complex; two or more make it especially complex (Art. 3(3)). The same list applies to
 * complaints from 01/07/2026 (Law 136/2025; DOMAIN.md §2.1).
 */
export const COMPLEXITY_CRITERIA = [
  { key: 'a', text: 'Một nội dung nhưng phải xác minh ở từ 02 địa điểm trở lên', textEn: 'One issue, 2 or more places to verify' },
  { key: 'b', text: 'Từ 02 nội dung trở lên phải xác minh', textEn: '2 or more issues to verify' },
  {
    key: 'c',
    text: 'Nhiều người tố cáo, hoặc liên quan quyền, lợi ích của nhiều người',
    textEn: "Many denouncers, or many people's interests",
  },
  { key: 'd', text: 'Có yếu tố nước ngoài', textEn: 'Foreign element' },
  { key: 'đ', text: 'Liên quan trách nhiệm quản lý của nhiều cơ quan, tổ chức', textEn: "Several agencies' management responsibility" },
  { key: 'e', text: 'Các cơ quan, tổ chức còn có ý kiến khác nhau', textEn: 'Agencies still disagree' },
  { key: 'g', text: 'Tình tiết, chứng cứ mâu thuẫn, cần có ý kiến chuyên môn', textEn: 'Contradictory evidence needing expert input' },
] as const;

/** A key of {@link COMPLEXITY_CRITERIA}. */
export type ComplexityCriterion = (typeof COMPLEXITY_CRITERIA)[number]['key'];

/** How complex a case is, from its criteria. */
export type ComplexityLevel = 'standard' | 'complex' | 'especially_complex';

/**
 * Classifies a case by the complexity criteria it meets (Decree 31/2019/NĐ-CP Art. 3(2)–(3)).
 * @param criteria - the criteria met (duplicates count once).
 * @returns 'standard' for none, 'complex' for one, 'especially_complex' for two or more.
 * @throws RangeError if a key is not one of a, b, c, d, đ, e, g.
 */
export function classifyComplexity(criteria: readonly string[]): ComplexityLevel {
  const known = new Set<string>(COMPLEXITY_CRITERIA.map((c) => c.key));
  const met = new Set<string>();
  for (const raw of criteria) {
    const key = raw.normalize('NFC');
    if (!known.has(key)) {
      throw new RangeError(`unknown complexity criterion '${raw}'`);
    }
    met.add(key);
  }
  return met.size === 0 ? 'standard' : met.size === 1 ? 'complex' : 'especially_complex';
}
