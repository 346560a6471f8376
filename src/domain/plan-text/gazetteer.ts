/**
 * Small gazetteers that map OCR-damaged words to proper Vietnamese (VIETNAMESE.md §1.2 point 3,
 * §1.6: "canonicalize against gazetteers instead of restoring"), with an anchored fuzzy matcher.
 */
import { ocrKey, ocrSimilarity, type Token } from './normalize';

/** A gazetteer entry: the canonical name, other spellings, and the issuer codes it can sign as. */
export interface GazetteerEntry {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Issuer code atoms or full codes compatible with this issuer (for the code/text cross-check). */
  readonly codes?: readonly string[];
}

/** Issuers of the documents a plan cites, as written after "của"/"giữa". */
export const ISSUERS: readonly GazetteerEntry[] = [
  { name: 'Bộ Chính trị', codes: ['TW'] },
  { name: 'Ban Bí thư', aliases: ['Ban Bí thư Trung ương Đảng', 'Ban Bí thư Trung ương'], codes: ['TW'] },
  {
    name: 'Ban Chấp hành Trung ương Đảng',
    aliases: ['Ban Chấp hành Trung ương', 'BCH Trung ương Đảng', 'BCH Trung ương', 'BCH TW', 'Trung ương Đảng'],
    codes: ['TW'],
  },
  { name: 'Ban Thường vụ Tỉnh ủy', aliases: ['BTV Tỉnh ủy', 'Thường trực Tỉnh ủy'], codes: ['TU'] },
  { name: 'Ban Chấp hành Đảng bộ tỉnh', codes: ['TU'] },
  { name: 'Tỉnh ủy', codes: ['TU'] },
  { name: 'Ban Thường vụ Thành ủy', codes: ['TU'] },
  { name: 'Thành ủy', codes: ['TU'] },
  { name: 'Ban Thường vụ Huyện ủy', codes: ['HU'] },
  { name: 'Huyện ủy', codes: ['HU'] },
  { name: 'Đảng ủy Khối các cơ quan tỉnh', codes: ['ĐUK', 'ĐU'] },
  { name: 'Ban Dân vận Trung ương', codes: ['BDVTW', 'TW', 'BDV'] },
  { name: 'Ban Dân vận Tỉnh ủy', codes: ['BDVTU', 'TU', 'BDV'] },
  { name: 'Ban Tuyên giáo Trung ương', codes: ['BTGTW', 'TW', 'BTG'] },
  { name: 'Ban Tuyên giáo Tỉnh ủy', codes: ['BTGTU', 'TU', 'BTG'] },
  { name: 'Ban Tuyên giáo và Dân vận Trung ương', codes: ['BTGDVTW', 'TW', 'BTGDV'] },
  { name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', codes: ['BTGDVTU', 'TU', 'BTGDV'] },
  { name: 'Ban Tổ chức Trung ương', codes: ['BTCTW', 'TW', 'BTC'] },
  { name: 'Ban Tổ chức Tỉnh ủy', codes: ['BTCTU', 'TU', 'BTC'] },
  { name: 'Ban Nội chính Tỉnh ủy', codes: ['BNCTU', 'TU', 'BNC'] },
  { name: 'Ủy ban Kiểm tra Tỉnh ủy', codes: ['UBKTTU', 'TU', 'UBKT'] },
  { name: 'Văn phòng Trung ương Đảng', codes: ['VPTW', 'TW', 'VP'] },
  { name: 'Văn phòng Tỉnh ủy', codes: ['VPTU', 'TU', 'VP'] },
  {
    name: 'Ban Cán sự đảng UBND tỉnh',
    aliases: ['Ban Cán sự đảng Ủy ban nhân dân tỉnh', 'BCS đảng UBND tỉnh'],
    codes: ['BCSĐUBND', 'BCSĐ', 'UBND'],
  },
  { name: 'UBND tỉnh', aliases: ['Ủy ban nhân dân tỉnh'], codes: ['UBND'] },
  { name: 'Chủ tịch UBND tỉnh', aliases: ['Chủ tịch Ủy ban nhân dân tỉnh'], codes: ['UBND'] },
  { name: 'UBND thành phố', aliases: ['Ủy ban nhân dân thành phố'], codes: ['UBND'] },
  { name: 'UBND huyện', aliases: ['Ủy ban nhân dân huyện'], codes: ['UBND'] },
  { name: 'UBND xã', aliases: ['Ủy ban nhân dân xã'], codes: ['UBND'] },
  { name: 'HĐND tỉnh', aliases: ['Hội đồng nhân dân tỉnh'], codes: ['HĐND'] },
  { name: 'Chính phủ', codes: ['CP'] },
  { name: 'Thủ tướng Chính phủ', aliases: ['Thủ tướng'], codes: ['TTg'] },
  { name: 'Quốc hội', codes: ['QH'] },
  { name: 'Ủy ban Thường vụ Quốc hội', aliases: ['UBTVQH'], codes: ['UBTVQH'] },
  { name: 'Văn phòng Chính phủ', codes: ['VPCP'] },
  { name: 'Thanh tra Chính phủ', codes: ['TTCP'] },
  {
    name: 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
    aliases: ['Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam'],
    codes: ['MTTQ', 'BTT', 'UBMTTQ'],
  },
  {
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
    aliases: ['Ủy ban MTTQ Việt Nam tỉnh', 'UBMTTQ Việt Nam tỉnh', 'Ủy ban MTTQ tỉnh'],
    codes: ['MTTQ', 'BTT', 'UBMTTQ'],
  },
  { name: 'Tổng Liên đoàn Lao động Việt Nam', codes: ['TLĐ'] },
  { name: 'Liên đoàn Lao động tỉnh', codes: ['LĐLĐ'] },
  { name: 'Bộ Nội vụ', codes: ['BNV'] },
  { name: 'Bộ Tài chính', codes: ['BTC'] },
  { name: 'Bộ Công an', codes: ['BCA'] },
  { name: 'Bộ Tư pháp', codes: ['BTP'] },
  { name: 'Bộ Khoa học và Công nghệ', codes: ['BKHCN'] },
  { name: 'Bộ Kế hoạch và Đầu tư', codes: ['BKHĐT'] },
  { name: 'Bộ Giáo dục và Đào tạo', codes: ['BGDĐT'] },
  { name: 'Bộ Y tế', codes: ['BYT'] },
  { name: 'Bộ Lao động - Thương binh và Xã hội', codes: ['BLĐTBXH'] },
  { name: 'Bộ Thông tin và Truyền thông', codes: ['BTTTT'] },
  { name: 'Bộ Tài nguyên và Môi trường', codes: ['BTNMT'] },
  { name: 'Bộ Nông nghiệp và Môi trường', codes: ['BNNMT'] },
  { name: 'Sở Nội vụ', codes: ['SNV'] },
  { name: 'Sở Khoa học và Công nghệ', codes: ['SKHCN'] },
  { name: 'Sở Tài chính', codes: ['STC'] },
  { name: 'Sở Tư pháp', codes: ['STP'] },
];

/** Document type names, for the type named in the words before a symbol (VIETNAMESE.md §1.2 point 3). */
export const TYPE_NAMES: readonly string[] = [
  'Nghị quyết',
  'Nghị quyết liên tịch',
  'Quyết định',
  'Chỉ thị',
  'Kết luận',
  'Kế hoạch',
  'Công văn',
  'Nghị định',
  'Thông tư',
  'Thông tư liên tịch',
  'Luật',
  'Bộ luật',
  'Pháp lệnh',
  'Hướng dẫn',
  'Thông báo',
  'Báo cáo',
  'Chương trình',
  'Chương trình hành động',
  'Đề án',
  'Phương án',
  'Quy định',
  'Quy chế',
  'Tờ trình',
  'Công điện',
  'Thông cáo',
  'Văn bản hợp nhất',
  'Hiến pháp',
  'Lệnh',
  // Letters of other bodies and of companies are cited as "Văn bản số …" (issue #15).
  'Văn bản',
];

/** Canonical section headings of a plan (VIETNAMESE.md §1.1 "Plan layout"). */
export const HEADINGS: readonly string[] = [
  'MỤC ĐÍCH, YÊU CẦU',
  'MỤC ĐÍCH',
  'YÊU CẦU',
  'MỤC TIÊU',
  'MỤC ĐÍCH, YÊU CẦU, MỤC TIÊU',
  'QUAN ĐIỂM, MỤC TIÊU',
  'CĂN CỨ XÂY DỰNG KẾ HOẠCH',
  'ĐỐI TƯỢNG, PHẠM VI',
  'PHẠM VI, ĐỐI TƯỢNG',
  'NỘI DUNG THỰC HIỆN',
  'NỘI DUNG',
  'NỘI DUNG TRỌNG TÂM',
  'NỘI DUNG, NHIỆM VỤ',
  'NỘI DUNG VÀ GIẢI PHÁP',
  'NHIỆM VỤ',
  'NHIỆM VỤ TRỌNG TÂM',
  'NHIỆM VỤ, GIẢI PHÁP',
  'NHIỆM VỤ VÀ GIẢI PHÁP',
  'NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM',
  'NHIỆM VỤ CỤ THỂ',
  'GIẢI PHÁP',
  'GIẢI PHÁP THỰC HIỆN',
  'CÁC GIẢI PHÁP',
  'CÁC NHIỆM VỤ, GIẢI PHÁP',
  'TỔ CHỨC THỰC HIỆN',
  'PHÂN CÔNG NHIỆM VỤ',
  'PHÂN CÔNG THỰC HIỆN',
  'PHÂN CÔNG TRÁCH NHIỆM',
  'TRÁCH NHIỆM THỰC HIỆN',
  'KINH PHÍ',
  'KINH PHÍ THỰC HIỆN',
  'KINH PHÍ THỰC HIỆN KẾ HOẠCH',
  'CHẾ ĐỘ BÁO CÁO',
  'CHẾ ĐỘ THÔNG TIN, BÁO CÁO',
  'THỜI GIAN THỰC HIỆN',
  'TIẾN ĐỘ THỰC HIỆN',
  'THỜI GIAN, TIẾN ĐỘ THỰC HIỆN',
  'KẾT QUẢ THỰC HIỆN',
  'ĐÁNH GIÁ KẾT QUẢ',
];

/** Headings whose items assign work to units (VIETNAMESE.md §1.2 point 5). */
export const ORGANIZATION_HEADINGS: ReadonlySet<string> = new Set([
  'TỔ CHỨC THỰC HIỆN',
  'PHÂN CÔNG NHIỆM VỤ',
  'PHÂN CÔNG THỰC HIỆN',
  'PHÂN CÔNG TRÁCH NHIỆM',
  'TRÁCH NHIỆM THỰC HIỆN',
]);

/** Head nouns that open a responsible unit (VIETNAMESE.md §1.2 point 5). */
export const UNIT_HEADS: readonly string[] = [
  'Sở',
  'Văn phòng',
  'Phòng',
  'Ban',
  'Trưởng',
  'Thủ trưởng',
  'Giám đốc',
  'Phó Giám đốc',
  'Lãnh đạo',
  'Thanh tra',
  'Trung tâm',
  'Chi cục',
  'Công đoàn',
  'Đoàn Thanh niên',
  'Chi đoàn',
  'Chi bộ',
  'Đảng ủy',
  'UBND',
  'Ủy ban',
  'Hội đồng',
  'Các',
  'Đơn vị',
  'Cơ quan',
  'Tổ',
  'Bộ phận',
  'Chủ tịch',
  'Bí thư',
  'Người đứng đầu',
  'Kế toán',
  'BBT',
  'Hội',
  'Cán bộ',
  'Công chức',
  'Viên chức',
  'Mặt trận',
];

/** Verb cues that end a unit name (VIETNAMESE.md §1.2 point 5). */
export const UNIT_VERB_CUES: readonly string[] = [
  'phối hợp',
  'căn cứ',
  'là cơ quan',
  'là đơn vị',
  'chủ động',
  'chủ trì',
  'chịu trách nhiệm',
  'có trách nhiệm',
  'thực hiện',
  'triển khai',
  'tổ chức',
  'xây dựng',
  'tham mưu',
  'hướng dẫn',
  'theo dõi',
  'kiểm tra',
  'đôn đốc',
  'tuyên truyền',
  'phổ biến',
  'quán triệt',
  'nghiêm túc',
  'khẩn trương',
  'rà soát',
  'bố trí',
  'đảm bảo',
  'bảo đảm',
  'cập nhật',
  'tổng hợp',
  'báo cáo',
  'lãnh đạo',
  'chỉ đạo',
  'giám sát',
  'tiếp tục',
  'thường xuyên',
  'kịp thời',
];

/**
 * Common names of units and recipients of a provincial department's plan, used to restore
 * OCR-damaged names ("Trudng cac don vi thudc S¢" → "Trưởng các đơn vị thuộc Sở"). The agency's
 * own unit list, when given to the parser, is searched first.
 */
export const UNIT_NAMES: readonly string[] = [
  'Sở Khoa học và Công nghệ',
  'Sở Nội vụ tỉnh',
  'Sở Nội vụ',
  'Sở Tài chính',
  'Sở Tư pháp',
  'Văn phòng Sở',
  'Thanh tra Sở',
  'Công đoàn Sở',
  'Công đoàn cơ sở',
  'Công đoàn cơ quan',
  'Chi bộ',
  'Đảng ủy Sở',
  'Chi đoàn',
  'Đoàn Thanh niên',
  'Ban Thanh tra nhân dân',
  'Ban Thanh tra nhân dân của Sở',
  'Lãnh đạo Sở',
  'Giám đốc Sở',
  'Các Phó Giám đốc Sở',
  'GĐ, các PGĐ Sở',
  'Giám đốc, các Phó Giám đốc Sở',
  'Trưởng các đơn vị thuộc Sở',
  'Trưởng các phòng, đơn vị thuộc Sở',
  'Thủ trưởng các đơn vị thuộc Sở',
  'Các phòng, đơn vị thuộc Sở',
  'Các phòng, đơn vị',
  'Các đơn vị thuộc Sở',
  'Các phòng chuyên môn',
  'Các phòng chức năng của Sở',
  'Các đơn vị có liên quan',
  'Các đơn vị liên quan',
  'Các cơ quan, đơn vị có liên quan',
  'Ban Biên tập Trang thông tin điện tử Sở',
  'BBT Trang TTĐT Sở',
  'Trang thông tin điện tử Sở',
  'Ban Thường vụ Tỉnh ủy',
  'Thường trực Tỉnh ủy',
  'Ban Dân vận Tỉnh ủy',
  'Ban Tuyên giáo và Dân vận Tỉnh ủy',
  'UBND tỉnh',
  'Thường trực HĐND tỉnh',
  'Chủ tịch, các PCT UBND tỉnh',
  'Ủy ban MTTQ Việt Nam tỉnh',
  'Đảng ủy Khối các cơ quan tỉnh',
  'Công đoàn Viên chức tỉnh',
  'Liên đoàn Lao động tỉnh',
  'Như trên',
  'Các sở, ban, ngành',
  'UBND các huyện, thị xã, thành phố',
  'UBND các xã, phường, đặc khu',
  'Văn phòng UBND tỉnh',
  'Thanh tra tỉnh',
  'UBND các xã, thị trấn',
  'UBND các xã, phường, thị trấn',
  // District and commune units (before the 2025 reorganization, DOMAIN.md §1.3).
  'Phòng Nội vụ',
  'Phòng Tư pháp',
  'Phòng Văn hóa - Thông tin',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Kinh tế - Hạ tầng',
  'Phòng Lao động - Thương binh và Xã hội',
  'Văn phòng HĐND và UBND huyện',
  'Thanh tra huyện',
  'Ban Dân vận Huyện ủy',
  'Ủy ban MTTQ Việt Nam huyện',
];

/** Keys of a gazetteer, computed once. */
interface KeyedEntry {
  readonly name: string;
  readonly entry: GazetteerEntry;
  readonly key: string;
  readonly tokens: number;
}

const keyCache = new WeakMap<readonly GazetteerEntry[], KeyedEntry[]>();

function keyed(list: readonly GazetteerEntry[]): KeyedEntry[] {
  let k = keyCache.get(list);
  if (!k) {
    k = [];
    for (const entry of list) {
      for (const spelling of [entry.name, ...(entry.aliases ?? [])]) {
        const key = ocrKey(spelling);
        k.push({ name: entry.name, entry, key, tokens: key.split(' ').length });
      }
    }
    keyCache.set(list, k);
  }
  return k;
}

/** A gazetteer hit at the start of a token run. */
export interface GazetteerMatch {
  readonly entry: GazetteerEntry;
  /** Similarity of the OCR keys, 0–1. */
  readonly score: number;
  /** How many tokens of the run the match covers. */
  readonly tokens: number;
}

/**
 * Anchored fuzzy match (VIETNAMESE.md §1.2 point 3): compares the first n tokens of `tokens`
 * (n = the entry's token count ± 1) with every entry by {@link ocrSimilarity} and returns the
 * longest entry whose score reaches `threshold` (ties: the higher score).
 * @param tokens - the words after the cue ("của", "giữa"…).
 * @param list - the gazetteer.
 * @param threshold - minimum similarity, 0.75 by default.
 * @returns the best match, or null.
 */
export function matchAnchored(tokens: readonly Token[], list: readonly GazetteerEntry[], threshold = 0.75): GazetteerMatch | null {
  // All hits; then the best score wins, except that a longer entry scoring almost as well
  // (within 0.05) is preferred ("Ban Chấp hành Trung ương Đảng" over "Ban Chấp hành Trung ương").
  const hits: { m: GazetteerMatch; words: number }[] = [];
  for (const e of keyed(list)) {
    for (let n = Math.max(1, e.tokens - 1); n <= Math.min(tokens.length, e.tokens + 1); n++) {
      const key = tokens
        .slice(0, n)
        .map((t) => t.key)
        .join(' ');
      const score = ocrSimilarity(key, e.key);
      if (score >= threshold) hits.push({ m: { entry: e.entry, score, tokens: n }, words: e.tokens });
    }
  }
  if (hits.length === 0) return null;
  const top = Math.max(...hits.map((h) => h.m.score));
  let best: { m: GazetteerMatch; words: number } | null = null;
  for (const h of hits) {
    if (h.m.score < top - 0.05) continue;
    if (!best || h.words > best.words || (h.words === best.words && h.m.score > best.m.score)) best = h;
  }
  return best!.m;
}

const phraseKeys = new Map<string, string>();

/**
 * Whole-phrase fuzzy match: the entry most similar to the phrase, if similar enough and if
 * its first and last words agree.
 * @param phrase - a unit or recipient name as written.
 * @param names - candidate canonical names.
 * @param threshold - minimum similarity, 0.8 by default.
 * @returns the best name and its score, or null.
 */
export function matchPhrase(phrase: string, names: readonly string[], threshold = 0.8): { name: string; score: number } | null {
  const key = ocrKey(phrase);
  if (key.length === 0) return null;
  let best: { name: string; score: number } | null = null;
  for (const name of names) {
    let nameKey = phraseKeys.get(name);
    if (nameKey === undefined) {
      nameKey = ocrKey(name);
      phraseKeys.set(name, nameKey);
    }
    const score = ocrSimilarity(key, nameKey);
    if (score < threshold || (best && score <= best.score)) continue;
    // The first and last words must agree too: "Văn phòng Ban" is not "Văn phòng Sở".
    const a = key.split(' ');
    const b = nameKey.split(' ');
    if (ocrSimilarity(a[0]!, b[0]!) < 0.5 || ocrSimilarity(a[a.length - 1]!, b[b.length - 1]!) < 0.5) continue;
    best = { name, score };
  }
  return best;
}
