/**
 * Code tables of document numbers and symbols (số, ký hiệu) and their OCR repair.
 *
 * Sources: Decree 30/2020/NĐ-CP Annex III (abbreviations of State administrative document
 * types), Party guidance 36-HD/VPTW (Party document symbols), Law 80/2015/QH13 as amended
 * (normative documents), summarized in DOMAIN.md §5 and VIETNAMESE.md §1.1.
 */

/** Document type codes → type names. Case matters only for output; matching ignores case. */
export const TYPE_CODES: Readonly<Record<string, string>> = {
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định',
  QĐi: 'Quy định', // Party (36-HD/VPTW)
  QyĐ: 'Quy định', // State (Decree 30/2020 Annex III)
  CT: 'Chỉ thị',
  QC: 'Quy chế',
  TC: 'Thông cáo',
  TB: 'Thông báo',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
  KH: 'Kế hoạch',
  PA: 'Phương án',
  ĐA: 'Đề án',
  DA: 'Dự án',
  BC: 'Báo cáo',
  BB: 'Biên bản',
  TTr: 'Tờ trình',
  HĐ: 'Hợp đồng',
  CĐ: 'Công điện',
  GN: 'Bản ghi nhớ',
  TTh: 'Bản thỏa thuận',
  GUQ: 'Giấy ủy quyền',
  GM: 'Giấy mời',
  GGT: 'Giấy giới thiệu',
  GNP: 'Giấy nghỉ phép',
  PG: 'Phiếu gửi',
  PC: 'Phiếu chuyển',
  PB: 'Phiếu báo',
  KL: 'Kết luận', // Party
  CV: 'Công văn', // Party
  NĐ: 'Nghị định',
  TT: 'Thông tư',
  TTLT: 'Thông tư liên tịch',
  NQLT: 'Nghị quyết liên tịch',
  PL: 'Pháp lệnh',
  VBHN: 'Văn bản hợp nhất',
};

/**
 * Issuer code atoms. A multi-part issuer code is a concatenation of atoms ("BCSĐUBND" =
 * BCSĐ + UBND, "BDVTU" = BDV + TU, "BTGTW" = BTG + TW). `body` atoms name a body on their own;
 * `prefix` atoms name a committee or office of the body that follows ("Ban Dân vận" + "Tỉnh ủy").
 */
export interface IssuerAtom {
  readonly code: string;
  /** Name when the atom stands alone (null: ambiguous, e.g. TW — Bộ Chính trị, Ban Bí thư or BCH TW). */
  readonly name: string | null;
  /** Name as the complement of a prefix ("Trung ương", "Tỉnh ủy", "UBND tỉnh"). */
  readonly of?: string;
  /** Name as a prefix ("Ban Dân vận"). */
  readonly prefix?: string;
}

const ATOMS: IssuerAtom[] = [
  { code: 'TW', name: null, of: 'Trung ương' },
  { code: 'TU', name: 'Tỉnh ủy', of: 'Tỉnh ủy' },
  { code: 'HU', name: 'Huyện ủy', of: 'Huyện ủy' },
  { code: 'ĐU', name: 'Đảng ủy', of: 'Đảng ủy' },
  { code: 'ĐUK', name: 'Đảng ủy Khối', of: 'Đảng ủy Khối' },
  { code: 'UBND', name: 'UBND', of: 'UBND' },
  { code: 'HĐND', name: 'HĐND', of: 'HĐND' },
  { code: 'CP', name: 'Chính phủ', of: 'Chính phủ' },
  { code: 'TTg', name: 'Thủ tướng Chính phủ' },
  { code: 'QH', name: 'Quốc hội', of: 'Quốc hội' },
  { code: 'UBTVQH', name: 'Ủy ban Thường vụ Quốc hội' },
  { code: 'VPQH', name: 'Văn phòng Quốc hội' },
  { code: 'BCSĐ', name: 'Ban Cán sự đảng', prefix: 'Ban Cán sự đảng' },
  { code: 'BDV', name: 'Ban Dân vận', prefix: 'Ban Dân vận' },
  { code: 'BTG', name: 'Ban Tuyên giáo', prefix: 'Ban Tuyên giáo' },
  { code: 'BTGDV', name: 'Ban Tuyên giáo và Dân vận', prefix: 'Ban Tuyên giáo và Dân vận' },
  { code: 'BNC', name: 'Ban Nội chính', prefix: 'Ban Nội chính' },
  { code: 'BTC', name: 'Bộ Tài chính', prefix: 'Ban Tổ chức' },
  { code: 'UBKT', name: 'Ủy ban Kiểm tra', prefix: 'Ủy ban Kiểm tra' },
  { code: 'BTV', name: 'Ban Thường vụ', prefix: 'Ban Thường vụ' },
  { code: 'VP', name: 'Văn phòng', prefix: 'Văn phòng' },
  { code: 'BCĐ', name: 'Ban Chỉ đạo', prefix: 'Ban Chỉ đạo' },
  { code: 'BTT', name: 'Ban Thường trực', prefix: 'Ban Thường trực' },
  { code: 'MTTQ', name: 'Mặt trận Tổ quốc Việt Nam' },
  { code: 'UBMTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam' },
  { code: 'TLĐ', name: 'Tổng Liên đoàn Lao động Việt Nam' },
  { code: 'LĐLĐ', name: 'Liên đoàn Lao động' },
  { code: 'CĐ', name: 'Công đoàn' },
  { code: 'CĐCS', name: 'Công đoàn cơ sở' },
  { code: 'ĐTN', name: 'Đoàn Thanh niên' },
  { code: 'TWĐ', name: 'Trung ương Đoàn' },
  { code: 'HLHPN', name: 'Hội Liên hiệp Phụ nữ' },
  { code: 'HND', name: 'Hội Nông dân' },
  { code: 'HCCB', name: 'Hội Cựu chiến binh' },
  { code: 'VPCP', name: 'Văn phòng Chính phủ' },
  { code: 'TTCP', name: 'Thanh tra Chính phủ' },
  { code: 'KTNN', name: 'Kiểm toán nhà nước' },
  { code: 'NHNN', name: 'Ngân hàng Nhà nước Việt Nam' },
  { code: 'TANDTC', name: 'Tòa án nhân dân tối cao' },
  { code: 'VKSNDTC', name: 'Viện kiểm sát nhân dân tối cao' },
  { code: 'UBDT', name: 'Ủy ban Dân tộc' },
  { code: 'BDT', name: 'Ban Dân tộc' },
  { code: 'TTr', name: 'Thanh tra' },
  // Ministries (before and after the 2025 reorganization, DOMAIN.md §1.3).
  { code: 'BNV', name: 'Bộ Nội vụ' },
  { code: 'BCA', name: 'Bộ Công an' },
  { code: 'BQP', name: 'Bộ Quốc phòng' },
  { code: 'BNG', name: 'Bộ Ngoại giao' },
  { code: 'BTP', name: 'Bộ Tư pháp' },
  { code: 'BKHĐT', name: 'Bộ Kế hoạch và Đầu tư' },
  { code: 'BKHCN', name: 'Bộ Khoa học và Công nghệ' },
  { code: 'BGDĐT', name: 'Bộ Giáo dục và Đào tạo' },
  { code: 'BYT', name: 'Bộ Y tế' },
  { code: 'BXD', name: 'Bộ Xây dựng' },
  { code: 'BGTVT', name: 'Bộ Giao thông vận tải' },
  { code: 'BCT', name: 'Bộ Công Thương' },
  { code: 'BNNPTNT', name: 'Bộ Nông nghiệp và Phát triển nông thôn' },
  { code: 'BNNMT', name: 'Bộ Nông nghiệp và Môi trường' },
  { code: 'BTNMT', name: 'Bộ Tài nguyên và Môi trường' },
  { code: 'BLĐTBXH', name: 'Bộ Lao động - Thương binh và Xã hội' },
  { code: 'BVHTTDL', name: 'Bộ Văn hóa, Thể thao và Du lịch' },
  { code: 'BTTTT', name: 'Bộ Thông tin và Truyền thông' },
  { code: 'BDTTG', name: 'Bộ Dân tộc và Tôn giáo' },
  // Provincial departments (sở).
  { code: 'SNV', name: 'Sở Nội vụ' },
  { code: 'STC', name: 'Sở Tài chính' },
  { code: 'SKHĐT', name: 'Sở Kế hoạch và Đầu tư' },
  { code: 'STP', name: 'Sở Tư pháp' },
  { code: 'SCT', name: 'Sở Công Thương' },
  { code: 'SXD', name: 'Sở Xây dựng' },
  { code: 'SYT', name: 'Sở Y tế' },
  { code: 'SGDĐT', name: 'Sở Giáo dục và Đào tạo' },
  { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường' },
  { code: 'SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn' },
  { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường' },
  { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch' },
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông' },
  { code: 'SLĐTBXH', name: 'Sở Lao động - Thương binh và Xã hội' },
  { code: 'SGTVT', name: 'Sở Giao thông vận tải' },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' },
  { code: 'SNG', name: 'Sở Ngoại vụ' },
  { code: 'SDTTG', name: 'Sở Dân tộc và Tôn giáo' },
];

const ATOM_BY_UPPER = new Map(ATOMS.map((a) => [a.code.toUpperCase(), a]));
const TYPE_BY_UPPER = new Map(Object.keys(TYPE_CODES).map((c) => [c.toUpperCase(), c]));

/** Letters that OCR puts for Đ (VIETNAMESE.md §1.1: "Pang", "QB", "Qb", "BCSDBUBND"). */
const D_LOOKALIKE = /[DdBbPp]/;
const D_PAIRS = ['DB', 'DP', 'PD', 'BD', 'Db', 'Dp'];

function candidates(raw: string): { value: string; edits: number }[] {
  const out: { value: string; edits: number }[] = [{ value: raw, edits: 0 }];
  const single = (s: string): string[] => {
    const r: string[] = [];
    for (let i = 0; i < s.length; i++) if (D_LOOKALIKE.test(s[i]!)) r.push(`${s.slice(0, i)}Đ${s.slice(i + 1)}`);
    for (const p of D_PAIRS) for (let i = s.indexOf(p); i >= 0; i = s.indexOf(p, i + 1)) r.push(`${s.slice(0, i)}Đ${s.slice(i + 2)}`);
    return r;
  };
  const one = single(raw);
  for (const v of one) out.push({ value: v, edits: 1 });
  for (const v of one) for (const w of single(v)) out.push({ value: w, edits: 2 });
  return out;
}

/** Result of repairing one code. */
export interface RepairedCode {
  /** The code in proper Vietnamese ("QĐ", "BCSĐUBND"). */
  readonly code: string;
  /** Whether the code (after repair) is in the tables. */
  readonly known: boolean;
  /** How many Đ-repairs were needed (0 when the text was right). */
  readonly edits: number;
}

/**
 * Repairs a document type code against {@link TYPE_CODES}, trying Đ in place of the letters
 * OCR reads for it (D, B, b, P and pairs such as "DB").
 * @param raw - the code as written.
 * @returns the canonical code, or the raw code with `known: false`.
 */
export function repairTypeCode(raw: string): RepairedCode {
  for (const c of candidates(raw)) {
    const hit = TYPE_BY_UPPER.get(c.value.toUpperCase());
    if (hit) return { code: hit, known: true, edits: c.edits };
  }
  return { code: raw, known: false, edits: 0 };
}

/** Segments an issuer code into atoms (longest first), or returns null. */
function segment(code: string): IssuerAtom[] | null {
  const up = code.toUpperCase();
  // Dynamic programming over prefixes; prefer fewer atoms.
  const best: (IssuerAtom[] | null)[] = new Array(up.length + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < up.length; i++) {
    const cur = best[i];
    if (!cur) continue;
    for (let j = i + 1; j <= up.length; j++) {
      const atom = ATOM_BY_UPPER.get(up.slice(i, j));
      if (!atom) continue;
      const next = [...cur, atom];
      const prev = best[j];
      if (!prev || next.length < prev.length) best[j] = next;
    }
  }
  return best[up.length] ?? null;
}

/** An issuer code repaired and segmented. */
export interface RepairedIssuer extends RepairedCode {
  readonly atoms: readonly IssuerAtom[];
}

/**
 * Repairs an issuer code ("BCSDBUBND" → "BCSĐUBND") by segmenting it into known atoms,
 * trying Đ for its OCR look-alikes with as few changes as possible. A term suffix
 * ("QH15", "UBTVQH13") is kept.
 * @param raw - the code as written.
 * @returns the repaired code and its atoms (empty when unknown).
 */
export function repairIssuerCode(raw: string): RepairedIssuer {
  const term = /^(.*?)(\d{1,2})$/.exec(raw);
  const body = term ? term[1]! : raw;
  const suffix = term ? term[2]! : '';
  let best: { value: string; edits: number; atoms: IssuerAtom[] } | null = null;
  for (const c of candidates(body)) {
    if (best && c.edits > best.edits) break;
    const atoms = segment(c.value);
    if (atoms && (!best || atoms.length < best.atoms.length)) best = { value: c.value, edits: c.edits, atoms };
  }
  if (!best) return { code: raw, known: false, edits: 0, atoms: [] };
  const canonical = best.atoms.map((a) => a.code).join('');
  return { code: canonical + suffix, known: true, edits: best.edits, atoms: best.atoms };
}

/**
 * Reads the name of an issuer from its code atoms, without the text: "BDVTU" → "Ban Dân vận
 * Tỉnh ủy", "BCSĐUBND" → "Ban Cán sự đảng UBND tỉnh", "TTg" → "Thủ tướng Chính phủ".
 * @param atoms - the atoms of one issuer part.
 * @param level - the local level that "UBND"/"HĐND" refer to ("tỉnh", "huyện"…), or null.
 * @returns the name, or null when the code does not say (TW alone).
 */
export function issuerNameFromAtoms(atoms: readonly IssuerAtom[], level: string | null): string | null {
  const withLevel = (s: string): string => (level && (s === 'UBND' || s === 'HĐND') ? `${s} ${level}` : s);
  if (atoms.length === 1) {
    const a = atoms[0]!;
    return a.name === null ? null : withLevel(a.name);
  }
  if (atoms.length === 2 && atoms[0]!.prefix && atoms[1]!.of) {
    return `${atoms[0]!.prefix} ${withLevel(atoms[1]!.of)}`;
  }
  return null;
}

/** Whether a code is an issuer whose documents carry no type code (State công văn, "245/SKHCN-VP"). */
export function isIssuerCode(raw: string): boolean {
  return repairIssuerCode(raw).known;
}
