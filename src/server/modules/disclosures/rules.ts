/**
 * The rules of publicity in an agency (Law 10/2022/QH15 Arts. 46–48), pure: the caller supplies
 * the working calendar. Deadlines come from the statutory rule catalogue (DC-PUBLISH,
 * DC-POST-MIN, DOMAIN.md §7.3) so that their legal basis and explanation are the engine's.
 */
import { compareIsoDates, formatDmy } from '../../../domain';
import { computeDeadline, type CalendarProvider, type DeadlineResult } from '../../../domain/deadlines';
import type { DisclosureAudience, DisclosureCategory } from '../../../contracts/disclosures';

/**
 * What each Art. 46 category implies. Art. 46 is internal publicity: the default audience is the
 * staff. Budget (3) and public investment (5) are also published to the public under their own
 * laws (Law 10/2022 Art. 91: a sectoral law's rules on publicity apply). Personnel matters (6),
 * asset declarations and conclusions (7) and the explanation of a staff consultation (10) concern
 * the staff and people named in them: they may not go to the public portal.
 */
export const CATEGORY_RULES: Record<DisclosureCategory, { defaultAudience: DisclosureAudience; mayBePublic: boolean }> = {
  1: { defaultAudience: 'staff', mayBePublic: true },
  2: { defaultAudience: 'staff', mayBePublic: true },
  3: { defaultAudience: 'public', mayBePublic: true },
  4: { defaultAudience: 'staff', mayBePublic: true },
  5: { defaultAudience: 'public', mayBePublic: true },
  6: { defaultAudience: 'staff', mayBePublic: false },
  7: { defaultAudience: 'staff', mayBePublic: false },
  8: { defaultAudience: 'staff', mayBePublic: true },
  9: { defaultAudience: 'staff', mayBePublic: true },
  10: { defaultAudience: 'staff', mayBePublic: false },
  11: { defaultAudience: 'staff', mayBePublic: true },
  12: { defaultAudience: 'staff', mayBePublic: true },
};

/** Why a confidentiality level is refused (Art. 46, opening words: secrets are never published). */
export const SECRET_REASONS: Record<'state_secret' | 'work_secret' | 'not_releasable', { vi: string; en: string }> = {
  state_secret: {
    vi: 'thông tin thuộc bí mật nhà nước không được công khai (Luật 10/2022/QH15, Điều 46; Luật Bảo vệ bí mật nhà nước 2018)',
    en: 'state secrets are never published (Law 10/2022/QH15 Art. 46; Law on Protection of State Secrets 2018)',
  },
  work_secret: {
    vi: 'thông tin thuộc bí mật công tác không được công khai (Luật 10/2022/QH15, Điều 46)',
    en: 'work secrets are never published (Law 10/2022/QH15 Art. 46)',
  },
  not_releasable: {
    vi: 'thông tin chưa được phép công khai theo quy định thì chưa công khai (Luật 10/2022/QH15, Điều 46)',
    en: 'information not yet releasable is not published (Law 10/2022/QH15 Art. 46)',
  },
};

/** Publish-by: no later than 5 working days after the decision (Art. 47(2); rule DC-PUBLISH). */
export function publishBy(decidedOn: string, calendar: CalendarProvider): DeadlineResult {
  return computeDeadline('DC-PUBLISH', { trigger: decidedOn }, calendar);
}

/**
 * The last day of the minimum posting period: at least 20 consecutive days from the first day of
 * posting (Art. 48(1)–(2)), 30 at commune level (Art. 13(2)); rule DC-POST-MIN.
 */
export function minimumPostedUntil(postedOn: string, communeLevel: boolean, calendar: CalendarProvider): DeadlineResult {
  return computeDeadline('DC-POST-MIN', { trigger: postedOn, communeLevel }, calendar);
}

/** Facts of an item the sweep looks at. */
export type SweepFacts = {
  status: 'draft' | 'posted' | 'withdrawn';
  publishBy: string;
  postedUntil: string | null;
  keepPosted: boolean;
  /** The source document in the registry, when the item cites one. */
  source: { symbol: string; status: string; replacedBy: string | null } | null;
};

export type SweepVerdict = { action: 'withdraw' | 'publish-overdue'; reason: string } | null;

/**
 * What the sweep of day `at` does with one item:
 * - a posted item whose source document expired or was replaced is withdrawn at once, whatever
 *   its period (the seed plan's "no expired notices"; Art. 48(4) keeps it retrievable on request);
 * - a posted item whose minimum period ended before `at` is withdrawn unless it is meant to stay
 *   (a regulation in force, Art. 46(9));
 * - an item not yet posted whose publish-by day is before `at` is overdue (Art. 47(2)).
 */
export function sweepVerdict(f: SweepFacts, at: string): SweepVerdict {
  if (f.status === 'posted') {
    if (f.source && (f.source.status === 'replaced' || f.source.status === 'expired')) {
      const how =
        f.source.status === 'replaced' ? `đã được thay thế${f.source.replacedBy ? ` bởi ${f.source.replacedBy}` : ''}` : 'đã hết hiệu lực';
      return {
        action: 'withdraw',
        reason: `Văn bản nguồn ${f.source.symbol} ${how}: gỡ ngay, lưu trữ để cung cấp khi có yêu cầu (Điều 48 khoản 4)`,
      };
    }
    if (!f.keepPosted && f.postedUntil && compareIsoDates(f.postedUntil, at) < 0) {
      return {
        action: 'withdraw',
        reason: `Đã đủ thời gian niêm yết tối thiểu đến hết ngày ${formatDmy(f.postedUntil)} (Điều 48 khoản 1): gỡ, lưu trữ để cung cấp khi có yêu cầu (Điều 48 khoản 4)`,
      };
    }
    return null;
  }
  if (f.status === 'draft' && compareIsoDates(f.publishBy, at) < 0) {
    return {
      action: 'publish-overdue',
      reason: `Quá hạn công khai: phải công khai chậm nhất ngày ${formatDmy(f.publishBy)} (Điều 47 khoản 2)`,
    };
  }
  return null;
}
