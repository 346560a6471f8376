/**
 * The rules of staff discussion and decision in an agency (Law 10/2022/QH15 Chapter III,
 * Arts. 49–55; DOMAIN.md §1.1). Pure: integer arithmetic only, so a boundary such as 2/3 of 100
 * is decided exactly (66 fails, 67 passes) and never by a rounded float.
 */

/**
 * Art. 51(3): the conference is valid when at least two thirds of the staff (or of the delegates)
 * convened are present. `present × 3 ≥ convened × 2`, exactly.
 */
export function quorumMet(convened: number, present: number): boolean {
  if (convened <= 0) return false;
  return present * 3 >= convened * 2;
}

/** The smallest attendance that reaches the quorum of Art. 51(3). */
export function quorumOf(convened: number): number {
  return Math.ceil((convened * 2) / 3);
}

/**
 * Art. 51(3): a resolution item passes only when more than half of those present vote for it.
 * Abstentions and blank ballots count among those present, so they weigh against (`yes × 2 > base`).
 * For the written ballot of all staff (Art. 50(2)) the base is every staff member asked, not only
 * those who answered: a conservative reading [background] so that a few returned ballots cannot
 * decide for everyone.
 */
export function itemPassed(base: number, yes: number): boolean {
  if (base <= 0) return false;
  return yes * 2 > base;
}

/** Who is convened (Art. 51(2)): all staff below 100; from 100 all staff or delegates agreed with the union. */
export type ConveningRule = { mode: 'all' | 'all_or_delegates'; optional: boolean; basis: string };

export function conveningRule(staffTotal: number): ConveningRule {
  return {
    mode: staffTotal < 100 ? 'all' : 'all_or_delegates',
    // Art. 51(2): a unit with 7 staff or fewer may hold the conference or not.
    optional: staffTotal <= 7,
    basis:
      staffTotal < 100
        ? 'Điều 51 khoản 2 Luật 10/2022/QH15: dưới 100 người, triệu tập toàn thể'
        : 'Điều 51 khoản 2 Luật 10/2022/QH15: từ 100 người, toàn thể hoặc đại biểu theo thống nhất với công đoàn',
  };
}

/**
 * An extraordinary session (Art. 50(1), Art. 51(1)) is held on a proposal of the union executive,
 * the head, or at least one third of staff (`proposers × 3 ≥ staffTotal`).
 */
export function extraordinaryProposalValid(by: 'union' | 'head' | 'staff', proposers: number, staffTotal: number): boolean {
  if (by !== 'staff') return true;
  return staffTotal > 0 && proposers * 3 >= staffTotal;
}

/** Art. 50(2): when the second convocation still lacks quorum, the head and the union hold a written ballot of all staff. */
export function writtenBallotAllowed(failedConvocations: number): boolean {
  return failedConvocations >= 2;
}

/** The Art. 51(4) agenda of the annual conference, as the template a new conference starts from. */
export const ANNUAL_AGENDA: readonly { key: string; title: string; titleEn: string }[] = [
  {
    key: 'review_previous',
    title: 'Báo cáo kết quả thực hiện nghị quyết hội nghị năm trước và việc thực hiện dân chủ ở cơ sở',
    titleEn: "Review of last year's resolution and of democracy implementation",
  },
  {
    key: 'accountability',
    title: 'Người đứng đầu báo cáo, giải trình việc thực hiện kế hoạch công tác năm',
    titleEn: "The head's account of the annual work plan",
  },
  { key: 'emulation', title: 'Tổng kết phong trào thi đua, khen thưởng', titleEn: 'Emulation summary and commendations' },
  { key: 'decide_art49', title: 'Thảo luận, quyết định các nội dung tại Điều 49', titleEn: 'Decisions on the Art. 49 matters' },
  {
    key: 'publicity_consultation',
    title: 'Công khai và lấy ý kiến các nội dung theo quy định',
    titleEn: 'Items to publicise and to consult on',
  },
  {
    key: 'inspection_board',
    title: 'Ban Thanh tra nhân dân báo cáo hoạt động năm và chương trình năm tới; bầu Ban (khi hết nhiệm kỳ)',
    titleEn: "The People's Inspection Board's report and programme; its election when the term ends",
  },
  {
    key: 'pledge',
    title: 'Ký kết giao ước thi đua giữa người đứng đầu và Ban Chấp hành công đoàn',
    titleEn: 'Emulation pledge between the head and the union',
  },
  { key: 'adopt_resolution', title: 'Thông qua nghị quyết hội nghị', titleEn: 'Adoption of the resolution' },
];

/** The matters staff give opinions on (Art. 53), numbered as in the law. */
export const CONSULTATION_MATTERS: readonly { n: number; vi: string; en: string }[] = [
  { n: 1, vi: 'Giải pháp thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước', en: 'Implementing Party and State policy' },
  { n: 2, vi: 'Kế hoạch công tác năm', en: 'Annual work plan' },
  { n: 3, vi: 'Phong trào thi đua', en: 'Emulation movements' },
  { n: 4, vi: 'Báo cáo sơ kết, tổng kết', en: 'Interim and final review reports' },
  {
    n: 5,
    vi: 'Biện pháp cải tiến lề lối làm việc, phòng, chống tham nhũng, tiêu cực, lãng phí, quan liêu, phiền hà',
    en: 'Working methods, anti-corruption, thrift, against bureaucracy',
  },
  { n: 6, vi: 'Kế hoạch tuyển dụng, đào tạo, bầu cử, bổ nhiệm', en: 'Recruitment, training, election and appointment plans' },
  { n: 7, vi: 'Chế độ, chính sách đối với cán bộ, công chức, viên chức', en: 'Staff benefits and entitlements' },
  { n: 8, vi: 'Dự thảo quy chế thực hiện dân chủ', en: 'Draft democracy regulation' },
  { n: 9, vi: 'Dự thảo quy chế chi tiêu nội bộ', en: 'Draft internal spending regulation' },
  { n: 10, vi: 'Dự thảo quy chế, quy định nội bộ khác', en: 'Other draft internal rules' },
  { n: 11, vi: 'Nội dung khác', en: 'Other matters' },
];

/** The forms of consultation (Art. 54). */
export const CONSULTATION_FORMS = ['direct', 'meeting', 'written', 'box_or_system', 'union', 'other'] as const;
export type ConsultationForm = (typeof CONSULTATION_FORMS)[number];

/** A draft as numbered passages: one per non-empty paragraph (the anchor of a comment). */
export function draftParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
