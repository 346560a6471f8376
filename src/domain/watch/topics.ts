/**
 * Topics and places of grievances (issue #13, seed plan II.4: "follow closely the people's
 * situation and grievances"), from the subjects and contents of cases and reception lines.
 * Diacritic-insensitive (VIETNAMESE.md §3): the text is folded before matching, so "thu hồi đất",
 * "THU HOI DAT" and "thu hoi dat" are one topic.
 *
 * Never a person: a free phrase is built only from words written in lower case (a Vietnamese
 * name, like a place, is capitalised), and a place only from the capitalised words that follow a
 * place word (xã, phường, thôn…). So a denouncer's or a visitor's name never leaves this code.
 */
import { foldVietnamese } from '../text';

export type Topic = { code: string; vi: string; en: string; terms: readonly string[] };

/** The topics the watch knows, each with its folded key phrases (a match on any one is enough). */
export const TOPICS: readonly Topic[] = [
  {
    code: 'land',
    vi: 'Đất đai, thu hồi đất, bồi thường',
    en: 'Land, land recovery, compensation',
    terms: ['dat dai', 'thu hoi dat', 'giai phong mat bang', 'boi thuong', 'tai dinh cu', 'quyen su dung dat', 'ranh gioi dat'],
  },
  {
    code: 'measurement',
    vi: 'Đo lường, tiêu chuẩn, chất lượng',
    en: 'Measurement, standards, quality',
    terms: ['do luong', 'kiem dinh', 'hieu chuan', 'dong ho', 'can ', 'xang dau', 'hop chuan', 'hop quy', 'ma so ma vach', 'chat luong'],
  },
  {
    code: 'science_funding',
    vi: 'Đề tài, nhiệm vụ khoa học và kinh phí',
    en: 'Research projects and their funding',
    terms: ['de tai', 'nhiem vu khoa hoc', 'nghiem thu', 'kinh phi', 'tam ung', 'thanh toan', 'doi moi cong nghe'],
  },
  {
    code: 'telecom',
    vi: 'Viễn thông, chuyển đổi số',
    en: 'Telecoms, digital services',
    terms: ['song dien thoai', 'tram phat song', 'vien thong', 'internet', 'buu chinh', 'chuyen doi so', 'ky nang so', 'duong truyen'],
  },
  {
    code: 'procedures',
    vi: 'Thủ tục hành chính, hồ sơ',
    en: 'Administrative procedures and files',
    terms: ['thu tuc', 'ho so', 'giay phep', 'mot cua', 'cham tre', 'tra ket qua'],
  },
  {
    code: 'conduct',
    vi: 'Thái độ, đạo đức công vụ',
    en: 'Conduct of officials',
    terms: ['thai do', 'nhung nhieu', 'tieu cuc', 'nop them tien', 'tham nhung', 'gay kho de'],
  },
  {
    code: 'staff_benefits',
    vi: 'Chế độ, chính sách cán bộ, viên chức',
    en: 'Pay and benefits of staff',
    terms: ['phu cap', 'che do', 'chinh sach', 'tien luong', 'bao hiem', 'doc hai'],
  },
  {
    code: 'penalties',
    vi: 'Xử phạt vi phạm hành chính, thanh tra, kiểm tra',
    en: 'Administrative penalties and inspections',
    terms: ['xu phat', 'vi pham hanh chinh', 'thanh tra', 'ket qua kiem tra'],
  },
  {
    code: 'environment',
    vi: 'Môi trường, an toàn bức xạ',
    en: 'Environment and radiation safety',
    terms: ['moi truong', 'o nhiem', 'rac thai', 'buc xa', 'tieng on'],
  },
  {
    code: 'technology_transfer',
    vi: 'Ứng dụng, chuyển giao kỹ thuật',
    en: 'Applying and transferring techniques',
    terms: ['chuyen giao', 'ung dung', 'cay giong', 'nuoi cay mo', 'truy xuat nguon goc', 'ho tro ky thuat'],
  },
];

/** The topics a text is about (codes, in TOPICS order); none when it matches no topic. */
export function topicsOf(text: string): string[] {
  const f = ` ${foldVietnamese(text).replace(/[^a-z0-9]+/g, ' ')} `;
  return TOPICS.filter((t) => t.terms.some((term) => f.includes(` ${term.trim()} `))).map((t) => t.code);
}

/** Words that say nothing of the matter (folded): linking words and the grievance kinds themselves. */
const STOP = new Set(
  (
    'va cua cac cho duoc tai ve viec de nghi kien phan anh khieu nai to cao khong co da dang se nay do voi theo trong la ' +
    'nhung mot hai ba den lan tu sau khi nhu cung thi ma vi neu hoac bi boi o ra vao len xuong rat nhieu it can phai ' +
    'ong ba anh chi em toi chung gia dinh nguoi dan cong dan don thu so'
  ).split(' '),
);

/** The place words of Vietnamese addresses, folded, longest first. */
const PLACE_WORDS = ['thi tran', 'thi xa', 'thanh pho', 'to dan pho', 'phuong', 'huyen', 'thon', 'xom', 'lang', 'cho', 'xa', 'ap', 'ban'];

/** The words of a text with their original spelling (NFC), split on anything not a letter or digit. */
function words(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);

/**
 * The phrases of two to four syllables (one or two Vietnamese words) of a text made only of lower-case words that are not stop
 * words (folded, unique); a capitalised word (a name) breaks a phrase and never enters one.
 */
export function phrasesOf(text: string): string[] {
  const out = new Set<string>();
  let run: string[] = [];
  const flush = () => {
    for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= run.length; i++) out.add(run.slice(i, i + n).join(' '));
    run = [];
  };
  for (const w of words(text)) {
    const f = foldVietnamese(w);
    if (isCapitalised(w) || STOP.has(f) || /^\d+$/.test(f) || f.length < 2) flush();
    else run.push(f);
  }
  flush();
  return [...out];
}

/**
 * The places a text names: a place word followed by one to three capitalised words, folded for
 * counting ("xa ba to") with the first spelling kept for display ("xã Ba Tơ").
 */
export function placesOf(text: string): { key: string; label: string }[] {
  const ws = words(text);
  const out = new Map<string, string>();
  for (let i = 0; i < ws.length; i++) {
    for (const p of PLACE_WORDS) {
      const parts = p.split(' ');
      const head = ws.slice(i, i + parts.length);
      if (head.length !== parts.length || head.map(foldVietnamese).join(' ') !== p || isCapitalised(head[0]!)) continue;
      const name: string[] = [];
      for (let j = i + parts.length; j < ws.length && name.length < 3 && isCapitalised(ws[j]!); j++) name.push(ws[j]!);
      if (!name.length) continue;
      const label = `${head.join(' ')} ${name.join(' ')}`;
      const key = foldVietnamese(label);
      if (!out.has(key)) out.set(key, label);
      break;
    }
  }
  return [...out].map(([key, label]) => ({ key, label }));
}

/**
 * The phrases that recur across texts: each phrase counted once per text, kept when at least
 * `minTexts` texts use it, a phrase dropped when a longer one covering it is as frequent; most
 * frequent first.
 */
export function recurringPhrases(texts: readonly string[], minTexts = 2, limit = 20): { phrase: string; texts: number }[] {
  const df = new Map<string, number>();
  for (const t of texts) for (const p of phrasesOf(t)) df.set(p, (df.get(p) ?? 0) + 1);
  const kept = [...df].filter(([, n]) => n >= minTexts);
  return kept
    .filter(([p, n]) => !kept.some(([l, m]) => m === n && l.length > p.length && ` ${l} `.includes(` ${p} `)))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([phrase, n]) => ({ phrase, texts: n }));
}
