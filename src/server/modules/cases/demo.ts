/**
 * Demo data of reception and cases (issue #5), for the twelve months December 2025 – November
 * 2026 of the demo Sở Khoa học và Công nghệ tỉnh Quảng Ngãi:
 *
 * - the head's monthly reception days (one published late, one postponed, one online with bridge
 *   points after 01/07/2026), the Office's regular reception days (one cancelled), and two
 *   published sessions of December 2026;
 * - a register book of 25 lines: a group visit, a mixed visit split into a complaint and a
 *   petition, a walk-in denunciation (a protected line); replies on time, two late, one overdue
 *   and one still in time;
 * - 63 cases of every kind, channel and state, handled by the professional units with their
 *   heads or staff, with the agency's decision numbers; some overdue, some due within days,
 *   denunciations extended once and twice, a second-instance complaint with its dialogue, an
 *   anonymous denunciation, a petition about an administrative regulation forwarded to the
 *   Ministry, repeat petitions of one person, a complaint out of its limitation period.
 *
 * Every step goes through the services, so every rule they check holds for the demo too. The
 * whole seed runs in one transaction (the seed runs in every test set-up): each demo person's
 * actor is loaded once, then used in the Office's transaction. Events are dated by their day;
 * their time stamps are set to office hours of that day so a case's history reads in order.
 * Names, addresses and telephone numbers of citizens are invented.
 */
import { eq, sql } from 'drizzle-orm';
import type { CaseChannel, CaseKind, PartyRole, TCaseAction, TIdentity } from '../../../contracts/cases';
import { compareIsoDates } from '../../../domain';
import type { Actor } from '../../platform/roles';
import type { ActorContext, Context, SeedContext } from '../../platform/module';
import { createEntry, createSession, replyEntry, sessionAction } from './reception/service';
import { receptionEntries, receptionSessions } from './reception/tables';
import { act } from './commands/act';
import { createCase } from './commands/create-case';
import { refreshAllOpen } from './commands/refresh-deadlines';
import type { Who } from './records';
import { cases } from './tables';
import { ZCaseIntake } from '../../../contracts/cases';

/* ─────────────── people and references ─────────────── */

const STAFF = ['giamdoc', 'lanhdao', 'vanphong', 'cvvp', 'truongphong', 'canbo', 'tpkhtc', 'tpqlcn', 'tpcds', 'cccctdc', 'gdttud'] as const;
type Staff = (typeof STAFF)[number];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Body = DistributiveOmit<TCaseAction, 'version'>;
type Refs = { unit: (code: string) => string; user: (u: Staff) => string; case: (key: string) => string };
type Step = { by: Staff; on: string; body: Body | ((r: Refs) => Body) };

type Party = { role: PartyRole; identity: TIdentity };
type CaseSpec = {
  key: string;
  kind: CaseKind;
  channel: CaseChannel;
  receivedOn: string;
  subject: string;
  content: string;
  parties?: Party[];
  sourceBody?: string;
  knowledgeOn?: string;
  obstacle?: [string, string];
  remote?: boolean;
  aboutRegulation?: boolean;
  anonymous?: boolean;
  /** Key of the first-instance complaint. */
  firstInstance?: string;
  steps: Step[];
};
type PartSpec = {
  key: string;
  kind: CaseKind;
  subject: string;
  content: string;
  knowledgeOn?: string;
  /** A second complaint: the key of the first-instance case. */
  firstInstance?: string;
  steps: Step[];
};
type EntrySpec = {
  on: string;
  officer: 'vanphong' | 'cvvp';
  /** Came outside a scheduled session. */
  walkIn?: boolean;
  visitors: TIdentity[];
  groupSize?: number;
  content: string;
  priorHandling?: string;
  request?: string;
  handling?: string;
  documentsReceived?: string;
  remote?: boolean;
  /** What the line is: one case per kind of content (Law 42/2013 Art. 25); every line has at least one. */
  parts: PartSpec[];
  reply?: { on: string; outcome: 'accepted' | 'pending_verification' | 'refused' | 'forwarded'; note?: string };
};

/* ─────────────── document numbers in the agency's style ─────────────── */

const usedNumbers = new Set<string>();
function dayOfYear(iso: string): number {
  const d = new Date(`${iso}T00:00:00Z`);
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}
/** A number that grows through the year like a real register: `rate` documents a day on average. */
function docNo(on: string, symbol: string, rate: number): string {
  let n = Math.max(1, Math.floor(dayOfYear(on) * rate));
  while (usedNumbers.has(`${on.slice(0, 4)} ${n}/${symbol}`)) n++;
  usedNumbers.add(`${on.slice(0, 4)} ${n}/${symbol}`);
  return `${n}/${symbol}`;
}
const qd = (on: string) => docNo(on, 'QĐ-SKHCN', 0.74);
const tb = (on: string) => docNo(on, 'TB-SKHCN', 0.36);
const kl = (on: string) => docNo(on, 'KL-SKHCN', 0.04);
const cv = (on: string, unit: 'VP' | 'QLKH' | 'KHTC' | 'QLCN' | 'BCVTCĐS' | 'TĐC') => docNo(on, `SKHCN-${unit}`, 7.3);
const qdcc = (on: string) => docNo(on, 'QĐ-CCTĐC', 0.42);
const tbcc = (on: string) => docNo(on, 'TB-CCTĐC', 0.16);
const qdtt = (on: string) => docNo(on, 'QĐ-TTUD', 0.31);

/* ─────────────── step helpers ─────────────── */

const assign = (on: string, unit: string, handler: Staff, dm: Staff = 'giamdoc', note?: string): Step => ({
  by: 'vanphong',
  on,
  body: (r) => ({ action: 'assign', on, unitId: r.unit(unit), handlerId: r.user(handler), decisionMakerId: r.user(dm), note }),
});
const accept = (on: string, by: Staff, decisionNo?: string, note?: string): Step => ({
  by,
  on,
  body: { action: 'accept', on, decisionNo, note },
});
const notAccept = (
  on: string,
  by: Staff,
  reasons: Extract<Body, { action: 'not_accept' }>['reasons'],
  decisionNo: string,
  note?: string,
): Step => ({ by, on, body: { action: 'not_accept', on, reasons, decisionNo, note } });
const forward = (on: string, by: Staff, to: string, decisionNo: string, note?: string): Step => ({
  by,
  on,
  body: { action: 'forward', on, to, decisionNo, note },
});
const guide = (on: string, by: Staff, to: string, note?: string, decisionNo?: string): Step => ({
  by,
  on,
  body: { action: 'guide', on, to, note, decisionNo },
});
const information = (on: string, by: Staff, note?: string): Step => ({ by, on, body: { action: 'information', on, note } });
const verify = (on: string, by: Staff, note: string, decisionNo?: string): Step => ({
  by,
  on,
  body: { action: 'verification', on, note, decisionNo },
});
const dialogue = (on: string, by: Staff, note: string): Step => ({ by, on, body: { action: 'dialogue', on, note } });
const complexity = (on: string, by: Staff, criteria: string[], note?: string): Step => ({
  by,
  on,
  body: { action: 'complexity', on, criteria, note },
});
const extend = (on: string, by: Staff, decisionNo: string, note?: string, days = 30): Step => ({
  by,
  on,
  body: { action: 'extend', on, decisionNo, days, note },
});
const suspend = (on: string, by: Staff, decisionNo: string, note?: string): Step => ({
  by,
  on,
  body: { action: 'suspend', on, decisionNo, note },
});
const resume = (on: string, by: Staff, decisionNo: string, note?: string): Step => ({
  by,
  on,
  body: { action: 'resume', on, decisionNo, note },
});
const withdraw = (on: string, by: Staff, note: string): Step => ({
  by,
  on,
  body: { action: 'withdraw', on, continueHandling: false, note },
});
const terminate = (on: string, by: Staff, decisionNo: string, note?: string): Step => ({
  by,
  on,
  body: { action: 'terminate', on, decisionNo, note },
});
const decide = (on: string, by: Staff, outcome: string, decisionNo?: string): Step => ({
  by,
  on,
  body: { action: 'decide', on, outcome, decisionNo },
});
const notify = (on: string, by: Staff, recipients: string, decisionNo?: string): Step => ({
  by,
  on,
  body: { action: 'notify', on, recipients, decisionNo },
});
const publicAnswer = (on: string, answer: string): Step => ({ by: 'vanphong', on, body: { action: 'public_answer', on, answer } });
const link = (on: string, other: string, relation: 'duplicate' | 'repeat' | 'related', note?: string): Step => ({
  by: 'vanphong',
  on,
  body: (r) => ({ action: 'link', on, otherCaseId: r.case(other), relation, note }),
});
const note = (on: string, by: Staff, text: string): Step => ({ by, on, body: { action: 'note', on, note: text } });

/* ─────────────── citizens (invented) ─────────────── */

const person = (name: string, address: string, phone?: string, extra: Partial<TIdentity> = {}): TIdentity => ({
  name,
  address,
  phone: phone ?? null,
  ...extra,
});
const P = {
  hoa: person('Nguyễn Thị Hoa', 'Chợ Mộ Đức, xã Mộ Đức, tỉnh Quảng Ngãi', '0978412605'),
  dung: person('Phạm Văn Dũng', 'Xã Nghĩa Hành, tỉnh Quảng Ngãi', '0914256871'),
  tam: person('Đinh Văn Tám', 'Xã Ba Tơ, tỉnh Quảng Ngãi', '0962705118'),
  phat: person('Huỳnh Tấn Phát', 'Phường Trương Quang Trọng, tỉnh Quảng Ngãi', '0905631247', { idNumber: '051079002318' }),
  hanh: person('Lê Thị Hạnh', 'Phường Cẩm Thành, tỉnh Quảng Ngãi', '0935118062'),
  luc: person('Trần Văn Lực', 'Phường Nghĩa Lộ, tỉnh Quảng Ngãi', '0905318274', {
    email: 'tranvanluc.qn@gmail.com',
    idNumber: '051072000946',
  }),
  sau: person('Nguyễn Văn Sáu', 'Đặc khu Lý Sơn, tỉnh Quảng Ngãi', '0983441290', { email: 'nguyenvansau.lyson@gmail.com' }),
  nhung: person('Bùi Thị Hồng Nhung', 'Hợp tác xã Nông nghiệp Minh Long, xã Minh Long, tỉnh Quảng Ngãi', '0967520384'),
  quy: person('Đặng Văn Quý', 'Xã Bình Minh, tỉnh Quảng Ngãi', '0916703552'),
  tien: person('Hồ Văn Tiến', 'Xã Trà Bồng, tỉnh Quảng Ngãi', '0974212839'),
  hoaSonHa: person('Phạm Văn Hòa', 'Xã Sơn Hà, tỉnh Quảng Ngãi', '0388917205', { idNumber: '051068004417' }),
  hien: person('Nguyễn Thị Thu Hiền', 'Phường Cẩm Thành, tỉnh Quảng Ngãi', '0935662418', { idNumber: '051188003152' }),
  huy: person('Trịnh Quốc Huy', 'Phường Nghĩa Lộ, tỉnh Quảng Ngãi', '0903557219'),
  thanh: person('Võ Văn Thành', 'Doanh nghiệp tư nhân Cơ khí Thành Đạt, xã Vạn Tường, tỉnh Quảng Ngãi', '0913482760', {
    idNumber: '051075001284',
  }),
  muoi: person('Đinh Văn Mươi', 'Xã Sơn Tây, tỉnh Quảng Ngãi', '0345612870'),
  bay: person('Đinh Văn Bảy', 'Xã Sơn Tây, tỉnh Quảng Ngãi'),
  lan: person('Đinh Thị Lan', 'Xã Sơn Tây, tỉnh Quảng Ngãi', '0398205164'),
  loan: person('Trần Thị Kim Loan', 'Phường Sa Huỳnh, tỉnh Quảng Ngãi', '0977314825'),
  khoa: person('Nguyễn Văn Khoa', 'Xã Tịnh Khê, tỉnh Quảng Ngãi', '0935840217'),
  hienBaTo: person('Đinh Văn Hiền', 'Xã Ba Tơ, tỉnh Quảng Ngãi', '0961204573'),
  binh: person('Phan Thanh Bình', 'Cửa hàng xăng dầu Bình Phát, xã Bình Sơn, tỉnh Quảng Ngãi', '0914720391', { idNumber: '051080005632' }),
  tuan: person('Lương Văn Tuấn', 'Phường Trương Quang Trọng, tỉnh Quảng Ngãi', '0905774136'),
  hung: person('Đinh Văn Hùng', 'Xã Sơn Tây, tỉnh Quảng Ngãi', '0386115902'),
  oanh: person('Nguyễn Thị Kiều Oanh', 'Xã Nghĩa Hành, tỉnh Quảng Ngãi', '0352118470'),
  anh: person('Võ Thị Ngọc Ánh', 'Xã Mộ Đức, tỉnh Quảng Ngãi', '0932471056'),
  hau: person('Lê Văn Hậu', 'Hợp tác xã Nông nghiệp Tịnh Khê, xã Tịnh Khê, tỉnh Quảng Ngãi', '0905227816'),
  nghia: person('Trương Văn Nghĩa', 'Phường Nghĩa Lộ, tỉnh Quảng Ngãi', '0918330452', { idNumber: '051083006741' }),
  tam2: person('Nguyễn Thị Thanh Tâm', 'Phường Cẩm Thành, tỉnh Quảng Ngãi', '0934602318'),
  dinh: person('Lê Công Định', 'Phường Cẩm Thành, tỉnh Quảng Ngãi', '0905442118', {
    email: 'lecongdinh.qn@gmail.com',
    idNumber: '051070003385',
  }),
  huong: person('Trần Thị Mai Hương', 'Xã An Phú, tỉnh Quảng Ngãi', '0983226104'),
  tu: person('Nguyễn Văn Tư', 'Xã Đình Cương, tỉnh Quảng Ngãi', '0914052663', { email: 'nguyenvantu.dc@gmail.com' }),
  viet: person('Lâm Quốc Việt', 'Phường Trương Quang Trọng, tỉnh Quảng Ngãi', '0909336174', { email: 'lamquocviet@gmail.com' }),
  loi: person('Võ Văn Lợi', 'Xã An Phú, tỉnh Quảng Ngãi', '0915623408'),
  bich: person('Nguyễn Thị Bích', 'Phường Cẩm Thành, tỉnh Quảng Ngãi', '0976038215'),
  nhat: person('Phạm Quang Nhật', 'Phường Nghĩa Lộ, tỉnh Quảng Ngãi', '0935226907', { email: 'phamquangnhat@gmail.com' }),
  my: person('Lê Thị Mỹ', 'Công ty TNHH Thực phẩm Mỹ An, xã Trường Giang, tỉnh Quảng Ngãi', '0912580443', { idNumber: '051182000517' }),
  nam: person('Huỳnh Văn Nam', 'Xã Long Phụng, tỉnh Quảng Ngãi', '0389441026', { email: 'huynhvannam.lp@gmail.com' }),
  minh: person('Tạ Văn Minh', 'Phường Đức Phổ, tỉnh Quảng Ngãi', '0914338520'),
  thuy: person('Đỗ Thị Thúy', 'Phường Cẩm Thành, tỉnh Quảng Ngãi', '0905613774', { email: 'dothithuy.cp@gmail.com' }),
  luong: person('Đinh Văn Lượng', 'Xã Minh Long, tỉnh Quảng Ngãi', '0365820143', { email: 'dinhvanluong.ml@gmail.com' }),
  trang: person('Võ Thị Thu Trang', 'Xã Nguyễn Nghiêm, tỉnh Quảng Ngãi', '0972604318', { idNumber: '051190002274' }),
  long: person('Trần Đức Long', 'Phòng khám đa khoa Đức Long, phường Nghĩa Lộ, tỉnh Quảng Ngãi', '0905117392', {
    email: 'bs.tranduclong@gmail.com',
  }),
  nghiaVc: person('Nguyễn Hữu Nghĩa', 'Phường Cẩm Thành, tỉnh Quảng Ngãi', '0935507126', { idNumber: '051086001938' }),
  thu: person('Phạm Thị Thu', 'Phường Trương Quang Trọng, tỉnh Quảng Ngãi', '0946120587'),
  son: person('Nguyễn Thanh Sơn', 'Phường Nghĩa Lộ, tỉnh Quảng Ngãi', '0905960381'),
  thuyLe: person('Lê Thị Thu Thủy', 'Phường Cẩm Thành, tỉnh Quảng Ngãi', '0935871240'),
  yen: person('Trần Thị Hải Yến', 'Công ty TNHH Thủy sản Vạn Tường, xã Vạn Tường, tỉnh Quảng Ngãi', '0913775026', {
    email: 'haiyen.vantuong@gmail.com',
  }),
  hai: person('Trương Văn Hải', 'Công ty TNHH Cơ khí chính xác Đông Sơn, xã Đông Sơn, tỉnh Quảng Ngãi', '0905318609', {
    email: 'cokhidongson@gmail.com',
    idNumber: '051078004120',
  }),
  kim: person('Trương Thị Kim', 'Phường Đức Phổ, tỉnh Quảng Ngãi', '0979230416', { idNumber: '051185006093' }),
  hungTk: person('Lê Văn Hùng', 'Xã Tịnh Khê, tỉnh Quảng Ngãi', '0914667302'),
  phuc: person('Nguyễn Đình Phúc', 'Xã Bình Sơn, tỉnh Quảng Ngãi', '0985204713', { email: 'nguyendinhphuc.bs@gmail.com' }),
  quang: person('Đỗ Minh Quang', 'Công ty TNHH Nông nghiệp công nghệ cao Minh Quang, xã Bình Minh, tỉnh Quảng Ngãi', '0913604558', {
    idNumber: '051077003861',
  }),
  toan: person('Trần Văn Toàn', 'Phường Nghĩa Lộ, tỉnh Quảng Ngãi', '0905241736', { email: 'tranvantoan1970@gmail.com' }),
  dungTb: person('Hồ Văn Dũng', 'Xã Trà Bồng, tỉnh Quảng Ngãi', '0397516228'),
  phong: person('Nguyễn Văn Phong', 'Xã Trà Bồng, tỉnh Quảng Ngãi', '0978115630'),
  han: person('Lê Thị Ngọc Hân', 'Xã Đông Sơn, tỉnh Quảng Ngãi', '0934718205'),
  thom: person('Đinh Văn Thơm', 'Xã Ba Tơ, tỉnh Quảng Ngãi', '0968430127', { idNumber: '051083007215' }),
  minhCp: person('Huỳnh Công Minh', 'Công ty TNHH Chuyển phát nhanh Sao Việt Miền Trung, phường Cẩm Thành, tỉnh Quảng Ngãi', '0905882413', {
    email: 'saovietmientrung@gmail.com',
    idNumber: '051081002759',
  }),
  giang: person('Đinh Văn Giang', 'Xã Minh Long, tỉnh Quảng Ngãi', '0367290415', { email: 'dinhvangiang.ml@gmail.com' }),
  tai: person('Võ Văn Tài', 'Xã Nghĩa Hành, tỉnh Quảng Ngãi', '0916473208', { email: 'vovantai.nh@gmail.com' }),
  ngoc: person('Phạm Thị Ngọc', 'Xã Trà Bồng, tỉnh Quảng Ngãi', '0399604127'),
  haiTaxi: person('Ngô Văn Hải', 'Phường Trương Quang Trọng, tỉnh Quảng Ngãi', '0905463918'),
  bao: person('Trần Quốc Bảo', 'Cửa hàng gas Quốc Bảo, xã Mộ Đức, tỉnh Quảng Ngãi', '0914205837', {
    email: 'gasquocbao@gmail.com',
    idNumber: '051084005526',
  }),
  namEmail: person('Lê Hoàng Nam', 'Phường Cẩm Thành, tỉnh Quảng Ngãi', '0935019264', { email: 'lehoangnam.qn@gmail.com' }),
};
const complainant = (i: TIdentity): Party => ({ role: 'complainant', identity: i });
const denouncer = (i: TIdentity): Party => ({ role: 'denouncer', identity: i });
const petitioner = (i: TIdentity): Party => ({ role: 'petitioner', identity: i });
const denounced = (name: string, address: string): Party => ({ role: 'denounced', identity: { name, address } });

/* ─────────────── reception schedule ─────────────── */

const PLACE = 'Phòng Tiếp công dân, trụ sở Sở Khoa học và Công nghệ tỉnh Quảng Ngãi (phường Cẩm Thành)';
const HEAD_ATTENDEES = 'Giám đốc Sở; Chánh Văn phòng Sở; lãnh đạo các phòng, đơn vị có nội dung liên quan; đại diện Ban Thanh tra nhân dân';

type SessionSpec = {
  date: string;
  host: Staff;
  hostKind: 'head' | 'officer';
  publish: string | 'today';
  topics?: string;
  startTime?: string;
  endTime?: string;
  online?: { place: string; bridgePoints: string };
  postpone?: { newDate: string; reason: string; publish: string };
  cancel?: string;
};

const HEAD_SESSIONS: SessionSpec[] = [
  {
    date: '2025-12-15',
    publish: '2025-11-25',
    topics: 'Phí kiểm định phương tiện đo tại các chợ; thủ tục đề xuất nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2027',
  },
  { date: '2026-01-15', publish: '2025-12-24', topics: 'Đánh giá, nghiệm thu và thanh toán kinh phí nhiệm vụ khoa học và công nghệ' },
  { date: '2026-02-13', publish: '2026-01-26', topics: 'Chính sách hỗ trợ ứng dụng tiến bộ kỹ thuật, đổi mới công nghệ trong nông nghiệp' },
  { date: '2026-03-16', publish: '2026-02-24', topics: 'Quản lý đo lường, chất lượng hàng hóa; sở hữu trí tuệ' },
  { date: '2026-04-15', publish: '2026-03-25', topics: 'Thanh toán kinh phí đề tài; công khai danh mục nhiệm vụ đặt hàng' },
  { date: '2026-05-15', publish: '2026-04-24', topics: 'Hỗ trợ doanh nghiệp đổi mới công nghệ năm 2026' },
  { date: '2026-06-15', publish: '2026-05-25', topics: 'Hạ tầng viễn thông, phủ sóng di động vùng núi' },
  {
    date: '2026-07-15',
    publish: '2026-06-24',
    topics: 'Chuyển đổi số cấp xã; bưu chính',
    postpone: {
      newDate: '2026-07-22',
      reason: 'Giám đốc Sở dự kỳ họp thường lệ giữa năm 2026 của Hội đồng nhân dân tỉnh',
      publish: '2026-07-14',
    },
  },
  { date: '2026-08-14', publish: '2026-07-24', topics: 'Xử lý vi phạm hành chính về đo lường, chất lượng xăng dầu' },
  {
    date: '2026-09-15',
    publish: '2026-08-24',
    topics: 'Phủ sóng di động, Internet và chuyển đổi số tại các xã miền núi',
    online: {
      place: 'Điểm cầu chính: Phòng họp trực tuyến, Sở Khoa học và Công nghệ tỉnh Quảng Ngãi',
      bridgePoints: 'Điểm cầu UBND xã Sơn Tây; Điểm cầu UBND xã Ba Tơ; Điểm cầu UBND xã Minh Long; Điểm cầu UBND xã Trà Bồng',
    },
  },
  // Published three working days before: the schedule shows the warning (Law 42/2013 Art. 24).
  {
    date: '2026-10-15',
    publish: '2026-10-12',
    topics: 'Giải quyết khiếu nại về xử phạt vi phạm hành chính trong lĩnh vực tiêu chuẩn, đo lường, chất lượng',
  },
  {
    date: '2026-11-16',
    publish: '2026-10-26',
    topics: 'Truy xuất nguồn gốc sản phẩm OCOP; ứng dụng khoa học và công nghệ trong nông nghiệp',
  },
  {
    date: '2026-12-15',
    publish: 'today',
    topics: 'Tổng hợp ý kiến, kiến nghị của người dân, doanh nghiệp về lĩnh vực khoa học và công nghệ năm 2026',
  },
].map((s) => ({ ...s, host: 'giamdoc' as Staff, hostKind: 'head' as const }));

/** The Office's regular reception days, published with each month's schedule. */
const OFFICER_SESSIONS: SessionSpec[] = (
  [
    ['2025-12-04', '2025-11-25'],
    ['2025-12-23', '2025-11-25'],
    ['2026-01-08', '2025-12-24'],
    ['2026-01-22', '2025-12-24'],
    ['2026-02-05', '2026-01-26'],
    ['2026-02-26', '2026-01-26'],
    ['2026-03-05', '2026-02-24'],
    ['2026-03-24', '2026-02-24'],
    ['2026-04-07', '2026-03-25'],
    ['2026-04-23', '2026-03-25'],
    ['2026-05-07', '2026-04-24'],
    ['2026-05-26', '2026-04-24'],
    ['2026-06-04', '2026-05-25'],
    ['2026-06-23', '2026-05-25'],
    ['2026-07-07', '2026-06-24'],
    ['2026-07-28', '2026-06-24'],
    ['2026-08-06', '2026-07-24'],
    ['2026-08-25', '2026-07-24'],
    ['2026-09-08', '2026-08-24'],
    ['2026-09-24', '2026-08-24'],
    ['2026-10-06', '2026-09-24'],
    ['2026-10-27', '2026-09-24'],
    ['2026-11-05', '2026-10-26'],
    ['2026-11-24', '2026-10-26'],
    ['2026-12-08', 'today'],
  ] as const
).map(([date, publish], i) => ({
  date,
  publish,
  host: (i % 2 === 0 ? 'cvvp' : 'vanphong') as Staff,
  hostKind: 'officer' as const,
  ...(i % 3 === 2 ? { startTime: '13:30', endTime: '17:00' } : {}),
  ...(date === '2026-10-27'
    ? {
        cancel:
          'Tạm dừng tiếp công dân do ảnh hưởng của mưa lũ; công chức Văn phòng tham gia ứng trực phòng, chống thiên tai theo chỉ đạo của UBND tỉnh',
      }
    : {}),
}));

/* ─────────────── the register book ─────────────── */

const ENTRIES: EntrySpec[] = [
  {
    on: '2025-12-15',
    officer: 'vanphong',
    visitors: [P.hoa],
    content:
      'Bà Nguyễn Thị Hoa, tiểu thương chợ Mộ Đức, phản ánh: đợt kiểm định cân tại chợ tháng 11/2025, mỗi hộ kinh doanh phải nộp 120.000 đồng cho một chiếc cân đồng hồ lò xo, cao hơn mức phí được niêm yết.',
    request: 'Đề nghị làm rõ mức phí kiểm định cân và trả lại khoản thu sai (nếu có).',
    handling: 'Giám đốc Sở giao Chi cục Tiêu chuẩn Đo lường Chất lượng kiểm tra, báo cáo trước ngày 25/12/2025.',
    documentsReceived: '02 biên lai thu tiền (bản chụp)',
    parts: [
      {
        key: 'pa-can-cho',
        kind: 'feedback',
        subject: 'Phản ánh mức thu phí kiểm định cân tại chợ Mộ Đức',
        content:
          'Người phản ánh cho rằng trong đợt kiểm định cân tại chợ Mộ Đức tháng 11/2025, các hộ kinh doanh phải nộp 120.000 đồng/chiếc cân đồng hồ lò xo, cao hơn mức phí kiểm định được niêm yết; đề nghị kiểm tra và trả lại khoản thu sai.',
        steps: [
          assign('2025-12-16', 'CCTDC', 'cccctdc'),
          accept('2025-12-17', 'vanphong'),
          verify(
            '2025-12-22',
            'cccctdc',
            'Làm việc với Ban quản lý chợ Mộ Đức và tổ kiểm định: phí kiểm định thu 40.000 đồng/chiếc theo biểu phí; 80.000 đồng còn lại là tiền sửa chữa, hiệu chỉnh cân do cơ sở sửa chữa thu, không có biên lai riêng.',
          ),
          decide(
            '2025-12-26',
            'giamdoc',
            'Phí kiểm định cân thu đúng mức quy định (40.000 đồng/chiếc); khoản 80.000 đồng là tiền sửa chữa cân do cơ sở sửa chữa tự thỏa thuận. Sở đã yêu cầu Ban quản lý chợ niêm yết công khai, tách riêng phí kiểm định với tiền dịch vụ sửa chữa và chấn chỉnh cơ sở sửa chữa cân.',
            cv('2025-12-26', 'TĐC'),
          ),
        ],
      },
    ],
    reply: {
      on: '2025-12-22',
      outcome: 'accepted',
      note: 'Thông báo bằng văn bản: phản ánh đã được tiếp nhận xử lý, giao Chi cục Tiêu chuẩn Đo lường Chất lượng kiểm tra.',
    },
  },
  {
    on: '2025-12-15',
    officer: 'vanphong',
    visitors: [P.dung],
    content:
      'Ông Phạm Văn Dũng hỏi quy trình, thời hạn đề xuất đặt hàng nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2027 đối với nhóm nông dân trồng bưởi.',
    request: 'Được hướng dẫn hồ sơ đề xuất nhiệm vụ.',
    handling:
      'Giám đốc Sở trả lời trực tiếp tại buổi tiếp; Phòng Quản lý khoa học gửi hướng dẫn và mẫu phiếu đề xuất qua Zalo của người đến.',
    parts: [
      {
        key: 'kng-hoi-dat-hang',
        kind: 'petition',
        subject: 'Đề nghị hướng dẫn hồ sơ đề xuất đặt hàng nhiệm vụ khoa học và công nghệ cấp tỉnh',
        content:
          'Ông Phạm Văn Dũng hỏi quy trình, thời hạn đề xuất đặt hàng nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2027 đối với nhóm nông dân trồng bưởi.',
        // Answered at the reception itself: the guidance is the answer (Law 42/2013 Art. 28).
        steps: [
          accept('2025-12-15', 'vanphong'),
          decide('2025-12-15', 'vanphong', 'Đã hướng dẫn, trả lời trực tiếp tại buổi tiếp công dân.'),
        ],
      },
    ],
    reply: { on: '2025-12-15', outcome: 'accepted', note: 'Đã trả lời, hướng dẫn trực tiếp tại buổi tiếp.' },
  },
  {
    on: '2025-12-23',
    officer: 'cvvp',
    visitors: [P.tam],
    remote: true,
    content:
      'Ông Đinh Văn Tám phản ánh sóng điện thoại di động tại khu dân cư nơi ông ở (xã Ba Tơ) rất yếu, thường xuyên mất sóng vào buổi tối, không gọi được cấp cứu khi có người ốm.',
    request: 'Đề nghị các nhà mạng tăng cường trạm phát sóng.',
    handling: 'Tiếp nhận, chuyển Phòng Bưu chính, Viễn thông và Chuyển đổi số xử lý.',
    parts: [
      {
        key: 'pa-song-bato',
        kind: 'feedback',
        subject: 'Phản ánh sóng điện thoại di động yếu tại xã Ba Tơ',
        content:
          'Sóng điện thoại di động tại một số khu dân cư xã Ba Tơ rất yếu, thường xuyên mất sóng vào buổi tối, người dân không liên lạc được khi cần cấp cứu; đề nghị các doanh nghiệp viễn thông tăng cường trạm phát sóng.',
        steps: [
          assign('2025-12-24', 'BCVT-CDS', 'tpcds', 'lanhdao'),
          accept('2025-12-26', 'vanphong'),
          verify(
            '2025-12-30',
            'tpcds',
            'Đo kiểm chất lượng sóng cùng Viettel Quảng Ngãi và VNPT Quảng Ngãi: cường độ tín hiệu 4G tại khu dân cư dưới ngưỡng; trạm gần nhất bị suy giảm do mất điện lưới kéo dài.',
          ),
          decide(
            '2026-01-07',
            'lanhdao',
            'Viettel Quảng Ngãi đã lắp bổ sung máy phát điện dự phòng cho trạm phát sóng và nâng cấp thiết bị; Sở đưa khu dân cư vào danh sách ưu tiên phủ sóng năm 2026 theo Chương trình cung cấp dịch vụ viễn thông công ích.',
            cv('2026-01-07', 'BCVTCĐS'),
          ),
        ],
      },
    ],
    reply: { on: '2025-12-30', outcome: 'accepted' },
  },
  {
    on: '2026-01-15',
    officer: 'vanphong',
    visitors: [P.phat],
    content:
      'Ông Huỳnh Tấn Phát, chủ nhiệm đề tài cấp tỉnh về mô hình nuôi tôm thẻ chân trắng tuần hoàn, khiếu nại kết quả đánh giá, nghiệm thu đề tài xếp loại "Không đạt" theo Thông báo của Sở ngày 29/12/2025.',
    priorHandling: 'Đã có đơn gửi Hội đồng tư vấn đánh giá, nghiệm thu nhưng chưa được trả lời.',
    request: 'Đề nghị tổ chức đánh giá lại, công nhận kết quả đề tài.',
    handling: 'Giám đốc Sở giao Phòng Quản lý khoa học tham mưu thụ lý, giải quyết theo Luật Khiếu nại.',
    documentsReceived: 'Đơn khiếu nại; biên bản họp Hội đồng (bản chụp); báo cáo tổng hợp kết quả đề tài',
    parts: [
      {
        key: 'kn-nghiem-thu',
        kind: 'complaint',
        knowledgeOn: '2025-12-29',
        subject: 'Khiếu nại kết quả đánh giá, nghiệm thu đề tài khoa học cấp tỉnh xếp loại "Không đạt"',
        content:
          'Người khiếu nại là chủ nhiệm đề tài cấp tỉnh về mô hình nuôi tôm thẻ chân trắng tuần hoàn, khiếu nại kết quả đánh giá, nghiệm thu xếp loại "Không đạt" theo Thông báo của Sở ngày 29/12/2025; cho rằng Hội đồng không xem xét số liệu của vụ nuôi thứ hai và có thành viên chấm điểm không đúng tiêu chí.',
        steps: [
          assign('2026-01-16', 'QLKH', 'truongphong'),
          accept('2026-01-26', 'giamdoc', tb('2026-01-26')),
          notify('2026-01-27', 'vanphong', 'Người khiếu nại; Thanh tra tỉnh Quảng Ngãi'),
          verify(
            '2026-02-05',
            'truongphong',
            'Mời 02 chuyên gia độc lập thẩm định lại báo cáo tổng hợp và số liệu vụ nuôi thứ hai; làm việc với Chủ tịch Hội đồng.',
          ),
          dialogue(
            '2026-02-10',
            'truongphong',
            'Đối thoại với người khiếu nại, đại diện Hội đồng và tổ chức chủ trì; người khiếu nại đồng ý bổ sung số liệu quan trắc.',
          ),
          note('2026-02-27', 'truongphong', 'Chuyên gia độc lập chậm gửi ý kiến do nghỉ Tết Nguyên đán; đã báo cáo Giám đốc Sở.'),
          decide(
            '2026-03-06',
            'giamdoc',
            'Khiếu nại đúng một phần: Hội đồng chưa xem xét số liệu vụ nuôi thứ hai. Hủy Thông báo kết quả nghiệm thu ngày 29/12/2025; tổ chức đánh giá lại đề tài sau khi chủ nhiệm bổ sung số liệu quan trắc.',
            qd('2026-03-06'),
          ),
          notify('2026-03-09', 'vanphong', 'Người khiếu nại; tổ chức chủ trì đề tài; Thanh tra tỉnh Quảng Ngãi'),
        ],
      },
    ],
    reply: { on: '2026-01-26', outcome: 'accepted', note: 'Đơn khiếu nại được thụ lý giải quyết.' },
  },
  {
    on: '2026-01-22',
    officer: 'cvvp',
    visitors: [P.hanh],
    content:
      'Bà Lê Thị Hạnh hỏi điều kiện, hồ sơ đề nghị chứng nhận doanh nghiệp khoa học và công nghệ cho cơ sở sản xuất nước mắm của gia đình.',
    handling: 'Hướng dẫn trực tiếp; cung cấp danh mục hồ sơ và địa chỉ nộp hồ sơ trực tuyến trên Cổng Dịch vụ công.',
    parts: [
      {
        key: 'kng-hoi-chung-nhan-dn',
        kind: 'petition',
        subject: 'Đề nghị hướng dẫn điều kiện, hồ sơ chứng nhận doanh nghiệp khoa học và công nghệ',
        content:
          'Bà Lê Thị Hạnh hỏi điều kiện, hồ sơ đề nghị chứng nhận doanh nghiệp khoa học và công nghệ cho cơ sở sản xuất nước mắm của gia đình.',
        // Answered at the reception itself: the guidance is the answer (Law 42/2013 Art. 28).
        steps: [
          accept('2026-01-22', 'vanphong'),
          decide('2026-01-22', 'vanphong', 'Đã hướng dẫn, trả lời trực tiếp tại buổi tiếp công dân.'),
        ],
      },
    ],
    reply: { on: '2026-01-22', outcome: 'accepted', note: 'Đã hướng dẫn trực tiếp.' },
  },
  {
    on: '2026-02-13',
    officer: 'vanphong',
    visitors: [P.quy],
    content:
      'Ông Đặng Văn Quý, chủ trang trại rau an toàn, kiến nghị Sở hỗ trợ kinh phí ứng dụng hệ thống tưới tiết kiệm nước điều khiển qua điện thoại (IoT) cho các hộ trồng rau.',
    request: 'Được hỗ trợ kinh phí và chuyển giao kỹ thuật.',
    handling: 'Giám đốc Sở giao Phòng Quản lý công nghệ và Phát triển thị trường nghiên cứu, trả lời.',
    parts: [
      {
        key: 'kng-iot',
        kind: 'petition',
        subject: 'Kiến nghị hỗ trợ ứng dụng hệ thống tưới tiết kiệm nước điều khiển qua điện thoại cho hộ trồng rau',
        content:
          'Người kiến nghị đề nghị Sở hỗ trợ kinh phí và chuyển giao kỹ thuật ứng dụng hệ thống tưới tiết kiệm nước điều khiển qua điện thoại (IoT) cho nhóm 15 hộ trồng rau an toàn tại xã Bình Minh.',
        steps: [
          assign('2026-02-23', 'QLCN', 'tpqlcn', 'lanhdao'),
          accept('2026-02-24', 'vanphong'),
          verify(
            '2026-03-03',
            'tpqlcn',
            'Khảo sát trang trại cùng Trung tâm Ứng dụng; nhóm hộ đáp ứng điều kiện hỗ trợ theo chương trình ứng dụng tiến bộ kỹ thuật.',
          ),
          decide(
            '2026-03-12',
            'lanhdao',
            'Đưa mô hình tưới tiết kiệm nước điều khiển qua điện thoại vào danh mục hỗ trợ ứng dụng tiến bộ kỹ thuật năm 2026; Trung tâm Ứng dụng chuyển giao kỹ thuật trong quý II/2026.',
            cv('2026-03-12', 'QLCN'),
          ),
        ],
      },
    ],
    reply: { on: '2026-02-24', outcome: 'accepted' },
  },
  {
    on: '2026-02-26',
    officer: 'cvvp',
    visitors: [P.tien],
    content:
      'Ông Hồ Văn Tiến phản ánh lô cây giống keo lai nuôi cấy mô mua của Trung tâm Ứng dụng tháng 12/2025 bị chết khoảng 30% sau khi trồng.',
    request: 'Đề nghị Trung tâm kiểm tra chất lượng cây giống và hỗ trợ trồng dặm.',
    parts: [
      {
        key: 'pa-cay-keo',
        kind: 'feedback',
        subject: 'Phản ánh cây giống keo lai nuôi cấy mô của Trung tâm Ứng dụng bị chết nhiều sau khi trồng',
        content:
          'Lô cây giống keo lai nuôi cấy mô mua của Trung tâm Ứng dụng và Thống kê khoa học công nghệ tháng 12/2025 bị chết khoảng 30% sau khi trồng; đề nghị kiểm tra chất lượng cây giống và hỗ trợ trồng dặm.',
        steps: [
          assign('2026-02-27', 'TTUD', 'gdttud'),
          accept('2026-03-03', 'vanphong'),
          verify(
            '2026-03-10',
            'gdttud',
            'Kiểm tra hiện trường: cây chết tập trung ở diện tích trồng muộn, gặp nắng hạn đầu mùa; một phần cây giống chưa đủ tiêu chuẩn xuất vườn.',
          ),
          decide(
            '2026-03-20',
            'giamdoc',
            'Trung tâm Ứng dụng hỗ trợ 50% số cây trồng dặm và hướng dẫn kỹ thuật chăm sóc; chấn chỉnh khâu kiểm tra tiêu chuẩn cây giống trước khi xuất vườn.',
            cv('2026-03-20', 'VP'),
          ),
        ],
      },
    ],
    // Replied after the 10 working days (Law 42/2013 Art. 28).
    reply: { on: '2026-03-20', outcome: 'accepted', note: 'Trả lời chậm do chờ kết quả kiểm tra hiện trường.' },
  },
  {
    on: '2026-03-05',
    officer: 'cvvp',
    visitors: [P.hoaSonHa],
    content:
      'Ông Phạm Văn Hòa khiếu nại việc UBND xã thu hồi một phần đất vườn của gia đình để xây dựng trạm phát sóng thông tin di động mà chưa bồi thường.',
    request: 'Đề nghị Sở can thiệp để được bồi thường.',
    handling: 'Giải thích nội dung khiếu nại không thuộc thẩm quyền của Sở; hướng dẫn gửi đơn đến Chủ tịch UBND xã Sơn Hà.',
    parts: [
      {
        key: 'kn-dat-bts',
        kind: 'complaint',
        knowledgeOn: '2026-02-10',
        subject: 'Khiếu nại việc thu hồi đất xây dựng trạm phát sóng chưa bồi thường',
        content:
          'Người khiếu nại cho rằng UBND xã thu hồi một phần đất vườn của gia đình để xây dựng trạm phát sóng thông tin di động nhưng chưa thực hiện bồi thường, hỗ trợ.',
        steps: [
          guide(
            '2026-03-10',
            'vanphong',
            'Chủ tịch UBND xã Sơn Hà',
            'Nội dung thuộc thẩm quyền giải quyết của Chủ tịch UBND xã Sơn Hà (quyết định thu hồi đất, bồi thường).',
            cv('2026-03-10', 'VP'),
          ),
        ],
      },
    ],
    reply: {
      on: '2026-03-10',
      outcome: 'refused',
      note: 'Không thuộc thẩm quyền của Sở; đã hướng dẫn gửi đơn đến Chủ tịch UBND xã Sơn Hà.',
    },
  },
  {
    on: '2026-03-24',
    officer: 'cvvp',
    visitors: [P.hien],
    content:
      'Bà Nguyễn Thị Thu Hiền, viên chức phòng thí nghiệm vi sinh của Trung tâm Ứng dụng, khiếu nại việc Trung tâm không chi trả phụ cấp độc hại, nguy hiểm từ tháng 7/2025.',
    priorHandling: 'Đã kiến nghị với lãnh đạo Trung tâm, được trả lời là chưa đủ điều kiện hưởng.',
    request: 'Đề nghị được chi trả phụ cấp và truy lĩnh phần còn thiếu.',
    parts: [
      {
        key: 'kn-phu-cap',
        kind: 'complaint',
        knowledgeOn: '2026-03-02',
        subject: 'Khiếu nại việc không chi trả phụ cấp độc hại, nguy hiểm cho viên chức Trung tâm Ứng dụng',
        content:
          'Người khiếu nại là viên chức làm việc tại phòng thí nghiệm vi sinh của Trung tâm Ứng dụng và Thống kê khoa học công nghệ, khiếu nại Văn bản ngày 02/3/2026 của Giám đốc Trung tâm về việc không chi trả phụ cấp độc hại, nguy hiểm từ tháng 7/2025.',
        steps: [
          assign('2026-03-25', 'TTUD', 'gdttud', 'gdttud', 'Khiếu nại lần đầu thuộc thẩm quyền của Giám đốc Trung tâm.'),
          accept('2026-03-31', 'gdttud', qdtt('2026-03-31')),
          notify('2026-04-01', 'gdttud', 'Người khiếu nại; Sở Khoa học và Công nghệ'),
          verify(
            '2026-04-08',
            'gdttud',
            'Rà soát hồ sơ vị trí việc làm, kết quả quan trắc môi trường lao động phòng thí nghiệm vi sinh năm 2025.',
          ),
          decide(
            '2026-04-22',
            'gdttud',
            'Chấp nhận khiếu nại: viên chức đủ điều kiện hưởng phụ cấp độc hại, nguy hiểm; Trung tâm chi trả và truy lĩnh từ tháng 7/2025.',
            qdtt('2026-04-22'),
          ),
          notify('2026-04-23', 'gdttud', 'Người khiếu nại; Sở Khoa học và Công nghệ; Phòng Kế hoạch - Tài chính'),
        ],
      },
    ],
    // Replied after the 10 working days.
    reply: { on: '2026-04-09', outcome: 'accepted', note: 'Khiếu nại đã được Giám đốc Trung tâm thụ lý giải quyết lần đầu.' },
  },
  {
    on: '2026-04-07',
    officer: 'cvvp',
    visitors: [P.huy],
    content: 'Ông Trịnh Quốc Huy hỏi thủ tục cấp mã số, mã vạch cho sản phẩm bánh tráng của cơ sở sản xuất gia đình.',
    handling: 'Hướng dẫn đăng ký trực tuyến trên Cổng thông tin mã số, mã vạch quốc gia; cung cấp danh mục hồ sơ.',
    parts: [
      {
        key: 'kng-hoi-ma-vach',
        kind: 'petition',
        subject: 'Đề nghị hướng dẫn thủ tục cấp mã số, mã vạch',
        content: 'Ông Trịnh Quốc Huy hỏi thủ tục cấp mã số, mã vạch cho sản phẩm bánh tráng của cơ sở sản xuất gia đình.',
        // Answered at the reception itself: the guidance is the answer (Law 42/2013 Art. 28).
        steps: [
          accept('2026-04-07', 'vanphong'),
          decide('2026-04-07', 'vanphong', 'Đã hướng dẫn, trả lời trực tiếp tại buổi tiếp công dân.'),
        ],
      },
    ],
    reply: { on: '2026-04-07', outcome: 'accepted', note: 'Đã hướng dẫn trực tiếp.' },
  },
  {
    on: '2026-04-15',
    officer: 'vanphong',
    visitors: [P.luc],
    content:
      'Ông Trần Văn Lực, chủ nhiệm đề tài cấp tỉnh về chế phẩm vi sinh xử lý phụ phẩm cây mì, tiếp tục kiến nghị thanh toán kinh phí đợt 2; đã nộp đủ hồ sơ từ tháng 01/2026 nhưng chưa được thanh toán.',
    priorHandling: 'Sở đã trả lời bằng văn bản tháng 12/2025.',
    request: 'Đề nghị thanh toán ngay kinh phí đợt 2 để kịp mùa vụ thực nghiệm.',
    handling: 'Giám đốc Sở giao Phòng Kế hoạch - Tài chính kiểm tra, giải quyết trong tháng 4/2026.',
    parts: [
      {
        key: 'kng-luc-2',
        kind: 'petition',
        subject: 'Kiến nghị thanh toán kinh phí đợt 2 đề tài chế phẩm vi sinh xử lý phụ phẩm cây mì (lần 2)',
        content:
          'Chủ nhiệm đề tài tiếp tục kiến nghị thanh toán kinh phí đợt 2 của đề tài cấp tỉnh về chế phẩm vi sinh xử lý phụ phẩm cây mì; hồ sơ đã nộp đủ từ tháng 01/2026 nhưng chưa được thanh toán.',
        steps: [
          assign('2026-04-16', 'KHTC', 'tpkhtc'),
          link('2026-04-16', 'kng-luc-1', 'repeat'),
          accept('2026-04-17', 'vanphong'),
          verify('2026-04-23', 'tpkhtc', 'Hồ sơ giám định kinh phí đợt 1 đã đủ; chậm thanh toán do chờ Kho bạc Nhà nước kiểm soát chi.'),
          decide(
            '2026-05-06',
            'giamdoc',
            'Sở đã chuyển Kho bạc Nhà nước thanh toán 60% kinh phí đợt 2; phần còn lại thanh toán sau khi nghiệm thu.',
            cv('2026-05-06', 'KHTC'),
          ),
        ],
      },
    ],
    reply: { on: '2026-04-24', outcome: 'accepted' },
  },
  {
    on: '2026-05-15',
    officer: 'vanphong',
    visitors: [P.thanh],
    content:
      'Ông Võ Văn Thành, chủ Doanh nghiệp tư nhân Cơ khí Thành Đạt, trình bày hai nội dung: (1) khiếu nại việc Sở không nghiệm thu, không thanh toán phần kinh phí hỗ trợ đổi mới dây chuyền sấy nông sản; (2) kiến nghị đơn giản hóa hồ sơ đề nghị hỗ trợ đổi mới công nghệ.',
    request: 'Được thanh toán kinh phí hỗ trợ; hồ sơ hỗ trợ năm sau gọn hơn.',
    handling:
      'Tách thành 01 đơn khiếu nại và 01 đơn kiến nghị (Luật Tiếp công dân, Điều 25 khoản 3); giao Phòng Quản lý công nghệ và Phát triển thị trường tham mưu.',
    documentsReceived: 'Đơn; hợp đồng hỗ trợ; biên bản kiểm tra dây chuyền',
    parts: [
      {
        key: 'kn-doi-moi-cn',
        kind: 'complaint',
        knowledgeOn: '2026-04-20',
        subject: 'Khiếu nại việc không nghiệm thu, không thanh toán kinh phí hỗ trợ đổi mới dây chuyền sấy nông sản',
        content:
          'Người khiếu nại không đồng ý với Văn bản ngày 20/4/2026 của Sở về việc không nghiệm thu, không thanh toán phần kinh phí hỗ trợ đổi mới dây chuyền sấy nông sản vì cho rằng dây chuyền đã vận hành đạt công suất thiết kế.',
        steps: [
          assign('2026-05-18', 'QLCN', 'tpqlcn'),
          accept('2026-05-22', 'giamdoc', tb('2026-05-22')),
          notify('2026-05-25', 'vanphong', 'Người khiếu nại; Thanh tra tỉnh Quảng Ngãi'),
          verify(
            '2026-06-03',
            'tpqlcn',
            'Kiểm tra thực tế dây chuyền cùng Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng: công suất đạt 92% thiết kế, đạt yêu cầu của hợp đồng.',
          ),
          dialogue('2026-06-10', 'tpqlcn', 'Đối thoại với người khiếu nại; thống nhất kết quả kiểm tra thực tế.'),
          decide(
            '2026-06-19',
            'giamdoc',
            'Chấp nhận khiếu nại: công nhận kết quả thực hiện hợp đồng hỗ trợ, thanh toán phần kinh phí còn lại.',
            qd('2026-06-19'),
          ),
          notify('2026-06-22', 'vanphong', 'Người khiếu nại; Phòng Kế hoạch - Tài chính; Thanh tra tỉnh Quảng Ngãi'),
        ],
      },
      {
        key: 'kng-doi-moi-cn',
        kind: 'petition',
        subject: 'Kiến nghị đơn giản hóa hồ sơ đề nghị hỗ trợ đổi mới công nghệ',
        content:
          'Người kiến nghị đề nghị giảm thành phần hồ sơ đề nghị hỗ trợ đổi mới công nghệ đối với doanh nghiệp nhỏ (bỏ yêu cầu báo cáo tài chính đã kiểm toán), cho phép nộp hồ sơ trực tuyến.',
        steps: [
          assign('2026-05-18', 'QLCN', 'tpqlcn', 'lanhdao'),
          accept('2026-05-19', 'vanphong'),
          decide(
            '2026-05-27',
            'lanhdao',
            'Sở tiếp thu; sẽ đề xuất bỏ yêu cầu báo cáo tài chính đã kiểm toán đối với doanh nghiệp nhỏ và siêu nhỏ khi sửa đổi quy định hỗ trợ năm 2027; hồ sơ đã được nhận trực tuyến trên Cổng Dịch vụ công.',
            cv('2026-05-27', 'QLCN'),
          ),
        ],
      },
    ],
    reply: { on: '2026-05-22', outcome: 'accepted' },
  },
  {
    on: '2026-05-26',
    officer: 'cvvp',
    visitors: [P.tam2],
    content:
      'Bà Nguyễn Thị Thanh Tâm hỏi thủ tục đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà nước.',
    handling: 'Hướng dẫn trực tiếp, cung cấp mẫu phiếu đăng ký.',
    parts: [
      {
        key: 'kng-hoi-dang-ky-ket-qua',
        kind: 'petition',
        subject: 'Đề nghị hướng dẫn đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ',
        content:
          'Bà Nguyễn Thị Thanh Tâm hỏi thủ tục đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà nước.',
        // Answered at the reception itself: the guidance is the answer (Law 42/2013 Art. 28).
        steps: [
          accept('2026-05-26', 'vanphong'),
          decide('2026-05-26', 'vanphong', 'Đã hướng dẫn, trả lời trực tiếp tại buổi tiếp công dân.'),
        ],
      },
    ],
    reply: { on: '2026-05-26', outcome: 'accepted', note: 'Đã hướng dẫn trực tiếp.' },
  },
  {
    on: '2026-06-15',
    officer: 'vanphong',
    visitors: [P.muoi, P.bay, P.lan],
    groupSize: 12,
    remote: true,
    content:
      'Đoàn 12 người đại diện các hộ dân một khu dân cư vùng cao xã Sơn Tây (do ông Đinh Văn Mươi, trưởng thôn, dẫn đầu) kiến nghị lắp đặt trạm phát sóng di động; cả khu dân cư hiện không có sóng điện thoại, Internet.',
    request: 'Đề nghị sớm có sóng điện thoại để học sinh học trực tuyến và người dân liên lạc.',
    handling:
      'Giám đốc Sở tiếp đoàn, giao Phòng Bưu chính, Viễn thông và Chuyển đổi số làm việc với các doanh nghiệp viễn thông, trả lời trước ngày 30/6/2026.',
    parts: [
      {
        key: 'kng-son-tay',
        kind: 'petition',
        subject: 'Kiến nghị lắp đặt trạm phát sóng di động cho khu dân cư vùng cao xã Sơn Tây',
        content:
          'Các hộ dân một khu dân cư vùng cao xã Sơn Tây kiến nghị lắp đặt trạm phát sóng thông tin di động; hiện cả khu không có sóng điện thoại và Internet, học sinh không học trực tuyến được.',
        steps: [
          assign('2026-06-16', 'BCVT-CDS', 'tpcds', 'lanhdao'),
          accept('2026-06-17', 'vanphong'),
          verify(
            '2026-06-24',
            'tpcds',
            'Làm việc với Viettel Quảng Ngãi, VNPT Quảng Ngãi và MobiFone; khảo sát vị trí đặt trạm cùng UBND xã Sơn Tây.',
          ),
          decide(
            '2026-06-26',
            'lanhdao',
            'Viettel Quảng Ngãi cam kết lắp đặt trạm phát sóng 4G tại khu dân cư trong quý IV/2026 theo Chương trình cung cấp dịch vụ viễn thông công ích; UBND xã bố trí mặt bằng.',
            cv('2026-06-26', 'BCVTCĐS'),
          ),
        ],
      },
    ],
    reply: { on: '2026-06-26', outcome: 'accepted' },
  },
  {
    on: '2026-06-23',
    officer: 'cvvp',
    visitors: [P.loan],
    content:
      'Bà Trần Thị Kim Loan phản ánh nhiều hộ dân khu dân cư nơi bà ở (phường Sa Huỳnh) nghi ngờ đồng hồ đo nước chạy nhanh, tiền nước tăng gấp đôi sau khi thay đồng hồ mới.',
    request: 'Đề nghị kiểm định lại đồng hồ đo nước.',
    parts: [
      {
        key: 'pa-dong-ho-nuoc',
        kind: 'feedback',
        subject: 'Phản ánh đồng hồ đo nước sinh hoạt nghi chạy nhanh tại phường Sa Huỳnh',
        content:
          'Nhiều hộ dân tại phường Sa Huỳnh nghi ngờ đồng hồ đo nước sinh hoạt mới thay chạy nhanh, tiền nước tăng gấp đôi; đề nghị kiểm định lại đồng hồ.',
        steps: [
          assign('2026-06-24', 'CCTDC', 'cccctdc'),
          accept('2026-06-25', 'vanphong'),
          verify(
            '2026-06-30',
            'cccctdc',
            'Kiểm định đột xuất 20 đồng hồ đo nước tại khu dân cư: 19 đồng hồ đạt yêu cầu, 01 đồng hồ sai số vượt mức cho phép đã được thay thế.',
          ),
          decide(
            '2026-07-03',
            'giamdoc',
            'Kết quả kiểm định đột xuất: 19/20 đồng hồ đạt yêu cầu; đơn vị cấp nước đã thay 01 đồng hồ không đạt và điều chỉnh hóa đơn cho hộ dân liên quan. Tiền nước tăng chủ yếu do rò rỉ đường ống sau đồng hồ.',
            cv('2026-07-03', 'TĐC'),
          ),
        ],
      },
    ],
    reply: { on: '2026-06-30', outcome: 'accepted' },
  },
  {
    on: '2026-07-09',
    officer: 'cvvp',
    walkIn: true,
    visitors: [P.khoa],
    content: 'Ông Nguyễn Văn Khoa hỏi thủ tục công bố hợp chuẩn cho sản phẩm gạch không nung của cơ sở sản xuất.',
    handling: 'Hướng dẫn trực tiếp; giới thiệu đến Chi cục Tiêu chuẩn Đo lường Chất lượng để được tư vấn chi tiết.',
    parts: [
      {
        key: 'kng-hoi-hop-chuan',
        kind: 'petition',
        subject: 'Đề nghị hướng dẫn thủ tục công bố hợp chuẩn',
        content: 'Ông Nguyễn Văn Khoa hỏi thủ tục công bố hợp chuẩn cho sản phẩm gạch không nung của cơ sở sản xuất.',
        // Answered at the reception itself: the guidance is the answer (Law 42/2013 Art. 28).
        steps: [
          accept('2026-07-09', 'vanphong'),
          decide('2026-07-09', 'vanphong', 'Đã hướng dẫn, trả lời trực tiếp tại buổi tiếp công dân.'),
        ],
      },
    ],
    reply: { on: '2026-07-09', outcome: 'accepted', note: 'Đã hướng dẫn trực tiếp.' },
  },
  {
    on: '2026-07-22',
    officer: 'vanphong',
    visitors: [P.hienBaTo],
    remote: true,
    content:
      'Ông Đinh Văn Hiền kiến nghị Sở hỗ trợ thiết bị và đường truyền để các thôn vùng cao xã Ba Tơ tổ chức lớp hướng dẫn kỹ năng số cho người dân.',
    parts: [
      {
        key: 'kng-ky-nang-so',
        kind: 'petition',
        subject: 'Kiến nghị hỗ trợ thiết bị, đường truyền tổ chức lớp kỹ năng số cho người dân vùng cao xã Ba Tơ',
        content:
          'Người kiến nghị đề nghị hỗ trợ máy tính, thiết bị phát wifi và đường truyền Internet tại nhà văn hóa các thôn vùng cao xã Ba Tơ để tổ chức lớp hướng dẫn kỹ năng số (dịch vụ công trực tuyến, thanh toán không dùng tiền mặt) cho người dân.',
        steps: [
          assign('2026-07-23', 'BCVT-CDS', 'tpcds', 'lanhdao'),
          accept('2026-07-24', 'vanphong'),
          decide(
            '2026-08-04',
            'lanhdao',
            'Sở phối hợp VNPT Quảng Ngãi hỗ trợ 05 điểm wifi công cộng và 10 máy tính tại nhà văn hóa các thôn; tổ công nghệ số cộng đồng xã Ba Tơ tổ chức lớp hướng dẫn trong tháng 9/2026.',
            cv('2026-08-04', 'BCVTCĐS'),
          ),
        ],
      },
    ],
    reply: { on: '2026-07-29', outcome: 'accepted' },
  },
  {
    on: '2026-08-14',
    officer: 'vanphong',
    visitors: [P.binh],
    content:
      'Ông Phan Thanh Bình, chủ cửa hàng xăng dầu Bình Phát, khiếu nại Quyết định xử phạt vi phạm hành chính ngày 28/7/2026 của Chi cục trưởng Chi cục Tiêu chuẩn Đo lường Chất lượng về đo lường xăng dầu (cột đo sai số vượt mức cho phép).',
    request: 'Đề nghị hủy quyết định xử phạt vì sai số do lỗi thiết bị của nhà sản xuất, cửa hàng không cố ý.',
    handling: 'Giám đốc Sở đề nghị Chi cục trưởng thụ lý, giải quyết khiếu nại lần đầu theo thẩm quyền; Văn phòng Sở theo dõi.',
    documentsReceived: 'Đơn khiếu nại; Quyết định xử phạt (bản chụp); biên bản kiểm tra',
    parts: [
      {
        key: 'kn-xang-dau-1',
        kind: 'complaint',
        knowledgeOn: '2026-07-30',
        subject: 'Khiếu nại Quyết định xử phạt vi phạm hành chính về đo lường xăng dầu (lần đầu)',
        content:
          'Người khiếu nại không đồng ý với Quyết định xử phạt vi phạm hành chính ngày 28/7/2026 của Chi cục trưởng Chi cục Tiêu chuẩn Đo lường Chất lượng về hành vi sử dụng cột đo xăng dầu có sai số vượt mức cho phép; cho rằng sai số do lỗi bo mạch của nhà sản xuất, cửa hàng không cố ý.',
        steps: [
          assign('2026-08-17', 'CCTDC', 'cccctdc', 'cccctdc', 'Khiếu nại lần đầu thuộc thẩm quyền của Chi cục trưởng.'),
          accept('2026-08-24', 'cccctdc', tbcc('2026-08-24')),
          notify('2026-08-25', 'cccctdc', 'Người khiếu nại; Sở Khoa học và Công nghệ'),
          verify(
            '2026-09-03',
            'cccctdc',
            'Xác minh hồ sơ xử phạt, biên bản kiểm tra và chứng từ bảo hành cột đo; làm việc với đại diện nhà sản xuất.',
          ),
          dialogue('2026-09-15', 'cccctdc', 'Đối thoại với người khiếu nại; người khiếu nại giữ nguyên yêu cầu.'),
          decide(
            '2026-09-21',
            'cccctdc',
            'Giữ nguyên Quyết định xử phạt: cơ sở kinh doanh có trách nhiệm bảo đảm cột đo có sai số trong giới hạn cho phép khi bán hàng; lỗi thiết bị không loại trừ trách nhiệm.',
            qdcc('2026-09-21'),
          ),
          notify('2026-09-22', 'cccctdc', 'Người khiếu nại; Sở Khoa học và Công nghệ; Thanh tra tỉnh Quảng Ngãi'),
        ],
      },
    ],
    reply: { on: '2026-08-24', outcome: 'accepted', note: 'Khiếu nại đã được Chi cục trưởng thụ lý giải quyết lần đầu.' },
  },
  {
    on: '2026-08-25',
    officer: 'cvvp',
    visitors: [P.tuan],
    content: 'Ông Lương Văn Tuấn đề nghị được cung cấp kết quả kiểm tra chất lượng xăng dầu trên địa bàn tỉnh quý II/2026.',
    handling: 'Hướng dẫn tra cứu kết quả đã công khai trên Trang thông tin điện tử của Sở.',
    parts: [
      {
        key: 'kng-ket-qua-kiem-tra',
        kind: 'petition',
        subject: 'Đề nghị cung cấp kết quả kiểm tra',
        content: 'Ông Lương Văn Tuấn đề nghị được cung cấp kết quả kiểm tra chất lượng xăng dầu trên địa bàn tỉnh quý II/2026.',
        // Answered at the reception itself: the guidance is the answer (Law 42/2013 Art. 28).
        steps: [
          accept('2026-08-25', 'vanphong'),
          decide('2026-08-25', 'vanphong', 'Đã hướng dẫn, trả lời trực tiếp tại buổi tiếp công dân.'),
        ],
      },
    ],
    reply: { on: '2026-08-27', outcome: 'accepted', note: 'Đã cung cấp đường dẫn kết quả công khai.' },
  },
  {
    on: '2026-09-15',
    officer: 'vanphong',
    visitors: [P.hung],
    remote: true,
    content:
      'Tại điểm cầu UBND xã Sơn Tây, ông Đinh Văn Hùng phản ánh tiến độ lắp đặt trạm phát sóng cho khu dân cư vùng cao chậm so với cam kết, đến nay chưa khởi công.',
    handling: 'Giám đốc Sở giao Phòng Bưu chính, Viễn thông và Chuyển đổi số đôn đốc doanh nghiệp, trả lời người dân.',
    parts: [
      {
        key: 'pa-son-tay',
        kind: 'feedback',
        subject: 'Phản ánh tiến độ lắp đặt trạm phát sóng di động tại xã Sơn Tây chậm',
        content:
          'Người phản ánh cho biết trạm phát sóng di động cho khu dân cư vùng cao xã Sơn Tây mà doanh nghiệp viễn thông cam kết lắp đặt trong năm 2026 đến nay chưa khởi công.',
        steps: [
          assign('2026-09-16', 'BCVT-CDS', 'tpcds', 'lanhdao'),
          link('2026-09-16', 'kng-son-tay', 'related'),
          accept('2026-09-17', 'vanphong'),
          decide(
            '2026-09-25',
            'lanhdao',
            'Viettel Quảng Ngãi đã hoàn thành thủ tục đất đai, khởi công trạm ngày 05/10/2026, dự kiến phát sóng trong tháng 12/2026; Sở tiếp tục theo dõi, đôn đốc.',
            cv('2026-09-25', 'BCVTCĐS'),
          ),
        ],
      },
    ],
    reply: { on: '2026-09-22', outcome: 'accepted' },
  },
  {
    on: '2026-10-06',
    officer: 'cvvp',
    visitors: [P.oanh],
    content:
      'Bà Nguyễn Thị Kiều Oanh, đại diện nhóm 8 hộ nuôi cá nước ngọt, kiến nghị được chuyển giao kỹ thuật nuôi cá lóc trong bể lót bạt tuần hoàn.',
    request: 'Được Trung tâm Ứng dụng hỗ trợ con giống và tập huấn kỹ thuật.',
    parts: [
      {
        key: 'kng-nuoi-ca',
        kind: 'petition',
        subject: 'Kiến nghị chuyển giao kỹ thuật nuôi cá lóc trong bể lót bạt cho nhóm hộ xã Nghĩa Hành',
        content:
          'Nhóm 8 hộ nuôi cá nước ngọt tại xã Nghĩa Hành kiến nghị Trung tâm Ứng dụng chuyển giao kỹ thuật nuôi cá lóc trong bể lót bạt tuần hoàn, hỗ trợ con giống và tập huấn.',
        // Assigned, never processed: overdue.
        steps: [assign('2026-10-08', 'TTUD', 'gdttud')],
      },
    ],
    // No reply yet: overdue in the register.
  },
  {
    on: '2026-10-15',
    officer: 'vanphong',
    visitors: [P.binh],
    content:
      'Ông Phan Thanh Bình khiếu nại lần hai Quyết định giải quyết khiếu nại lần đầu ngày 21/9/2026 của Chi cục trưởng Chi cục Tiêu chuẩn Đo lường Chất lượng (giữ nguyên quyết định xử phạt về đo lường xăng dầu).',
    priorHandling: 'Chi cục trưởng đã giải quyết lần đầu ngày 21/9/2026.',
    request: 'Đề nghị Giám đốc Sở giải quyết lần hai, hủy quyết định xử phạt.',
    handling: 'Giám đốc Sở tiếp nhận, giao Văn phòng Sở tham mưu thụ lý giải quyết lần hai.',
    documentsReceived: 'Đơn khiếu nại lần hai; Quyết định giải quyết khiếu nại lần đầu (bản chụp)',
    parts: [
      {
        key: 'kn-xang-dau-2',
        kind: 'complaint',
        firstInstance: 'kn-xang-dau-1',
        subject: 'Khiếu nại lần hai về Quyết định xử phạt vi phạm hành chính về đo lường xăng dầu',
        content:
          'Người khiếu nại không đồng ý với Quyết định giải quyết khiếu nại lần đầu ngày 21/9/2026 của Chi cục trưởng Chi cục Tiêu chuẩn Đo lường Chất lượng; đề nghị Giám đốc Sở giải quyết lần hai, hủy quyết định xử phạt về đo lường xăng dầu.',
        steps: [
          assign('2026-10-16', 'VP', 'cvvp'),
          accept('2026-10-20', 'giamdoc', tb('2026-10-20')),
          notify('2026-10-21', 'vanphong', 'Người khiếu nại; Chi cục Tiêu chuẩn Đo lường Chất lượng; Thanh tra tỉnh Quảng Ngãi'),
          verify(
            '2026-11-05',
            'cvvp',
            'Xác minh lại hồ sơ xử phạt và hồ sơ giải quyết lần đầu; đề nghị Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng cho ý kiến chuyên môn về bo mạch cột đo.',
          ),
          dialogue(
            '2026-11-18',
            'cvvp',
            'Đối thoại với người khiếu nại và đại diện Chi cục Tiêu chuẩn Đo lường Chất lượng (Luật Khiếu nại, Điều 38); lập biên bản đối thoại.',
          ),
        ],
      },
    ],
    reply: { on: '2026-10-20', outcome: 'accepted', note: 'Khiếu nại lần hai được thụ lý giải quyết.' },
  },
  {
    on: '2026-11-05',
    officer: 'cvvp',
    visitors: [P.anh],
    content: 'Bà Võ Thị Ngọc Ánh hỏi điều kiện, hồ sơ cấp giấy phép bưu chính cho cơ sở chuyển phát trong phạm vi nội tỉnh.',
    handling: 'Hướng dẫn trực tiếp; cung cấp danh mục hồ sơ theo thủ tục hành chính đã công bố.',
    parts: [
      {
        key: 'kng-hoi-giay-phep-buu-chinh',
        kind: 'petition',
        subject: 'Đề nghị hướng dẫn điều kiện, hồ sơ cấp giấy phép bưu chính',
        content: 'Bà Võ Thị Ngọc Ánh hỏi điều kiện, hồ sơ cấp giấy phép bưu chính cho cơ sở chuyển phát trong phạm vi nội tỉnh.',
        // Answered at the reception itself: the guidance is the answer (Law 42/2013 Art. 28).
        steps: [
          accept('2026-11-05', 'vanphong'),
          decide('2026-11-05', 'vanphong', 'Đã hướng dẫn, trả lời trực tiếp tại buổi tiếp công dân.'),
        ],
      },
    ],
    reply: { on: '2026-11-05', outcome: 'accepted', note: 'Đã hướng dẫn trực tiếp.' },
  },
  {
    on: '2026-11-16',
    officer: 'vanphong',
    visitors: [P.hau],
    content:
      'Ông Lê Văn Hậu, Giám đốc Hợp tác xã Nông nghiệp Tịnh Khê, kiến nghị Sở hỗ trợ xây dựng hệ thống truy xuất nguồn gốc bằng mã QR cho sản phẩm OCOP của hợp tác xã.',
    parts: [
      {
        key: 'kng-truy-xuat',
        kind: 'petition',
        subject: 'Kiến nghị hỗ trợ truy xuất nguồn gốc bằng mã QR cho sản phẩm OCOP',
        content:
          'Hợp tác xã Nông nghiệp Tịnh Khê kiến nghị được hỗ trợ xây dựng hệ thống truy xuất nguồn gốc bằng mã QR cho 03 sản phẩm OCOP 3 sao.',
        steps: [
          assign('2026-11-17', 'QLCN', 'tpqlcn', 'lanhdao'),
          accept('2026-11-18', 'vanphong'),
          decide(
            '2026-11-26',
            'lanhdao',
            'Hợp tác xã được hỗ trợ xây dựng hệ thống truy xuất nguồn gốc trong kế hoạch năm 2027; Sở hướng dẫn hồ sơ đăng ký trước ngày 15/01/2027.',
            cv('2026-11-26', 'QLCN'),
          ),
        ],
      },
    ],
    reply: { on: '2026-11-20', outcome: 'accepted' },
  },
  {
    on: '2026-11-23',
    officer: 'cvvp',
    walkIn: true,
    visitors: [P.nghia],
    content:
      'Người đến trình bày hai nội dung: (1) tố cáo một công chức tiếp nhận hồ sơ tại Bộ phận một cửa gợi ý nộp thêm "phí dịch vụ" để hồ sơ cấp giấy phép tiến hành công việc bức xạ được giải quyết nhanh; (2) phản ánh thái độ thiếu niềm nở của công chức một cửa khi hướng dẫn hồ sơ.',
    request: 'Đề nghị xử lý nghiêm và chấn chỉnh Bộ phận một cửa.',
    handling: 'Tách thành 01 đơn tố cáo và 01 đơn phản ánh; thông tin người tố cáo được giữ bí mật (Luật Tố cáo, Điều 47).',
    parts: [
      {
        key: 'tc-mot-cua',
        kind: 'denunciation',
        subject: 'Tố cáo công chức Bộ phận một cửa gợi ý nộp thêm tiền để giải quyết nhanh hồ sơ cấp giấy phép bức xạ',
        content:
          'Người tố cáo cho biết khi nộp hồ sơ đề nghị cấp giấy phép tiến hành công việc bức xạ (sử dụng thiết bị X-quang nha khoa) ngày 16/11/2026, công chức tiếp nhận hồ sơ gợi ý nộp thêm "phí dịch vụ" ngoài lệ phí để được giải quyết nhanh.',
        steps: [],
      },
      {
        key: 'pa-mot-cua',
        kind: 'feedback',
        subject: 'Phản ánh thái độ của công chức Bộ phận một cửa khi hướng dẫn hồ sơ',
        content:
          'Người phản ánh cho rằng công chức Bộ phận một cửa hướng dẫn hồ sơ thiếu niềm nở, yêu cầu bổ sung nhiều lần, mỗi lần một nội dung.',
        steps: [],
      },
    ],
    // Not replied yet; still within 10 working days.
  },
];

/* ─────────────── cases received by letter, portal, hotline, e-mail or forwarded ─────────────── */

const CASES: CaseSpec[] = [
  // ── December 2025 ──
  {
    key: 'kng-luc-1',
    kind: 'petition',
    channel: 'letter',
    receivedOn: '2025-12-08',
    subject: 'Kiến nghị tạm ứng, thanh toán kinh phí đợt 2 đề tài chế phẩm vi sinh xử lý phụ phẩm cây mì',
    content:
      'Chủ nhiệm đề tài cấp tỉnh "Nghiên cứu sản xuất chế phẩm vi sinh xử lý phụ phẩm cây mì làm phân bón hữu cơ" kiến nghị Sở tạm ứng, thanh toán kinh phí đợt 2 để kịp triển khai thực nghiệm vụ Đông Xuân.',
    parties: [petitioner(P.luc)],
    steps: [
      assign('2025-12-09', 'KHTC', 'tpkhtc'),
      accept('2025-12-10', 'vanphong'),
      decide(
        '2025-12-19',
        'giamdoc',
        'Sở sẽ thanh toán kinh phí đợt 2 sau khi chủ nhiệm đề tài hoàn thiện hồ sơ giám định kinh phí đợt 1 và báo cáo tiến độ theo hợp đồng.',
        cv('2025-12-19', 'KHTC'),
      ),
    ],
  },
  {
    key: 'kn-xet-chon',
    kind: 'complaint',
    channel: 'letter',
    receivedOn: '2025-12-10',
    knowledgeOn: '2025-11-28',
    subject: 'Khiếu nại kết quả xét chọn tổ chức, cá nhân chủ trì nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2026',
    content:
      'Người khiếu nại không đồng ý với Thông báo kết quả xét chọn tổ chức, cá nhân chủ trì nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2026 (nhiệm vụ về giống lúa chịu mặn); cho rằng Hội đồng tính sai điểm năng lực của nhóm nghiên cứu.',
    parties: [complainant(P.dinh)],
    steps: [
      assign('2025-12-11', 'QLKH', 'truongphong'),
      accept('2025-12-17', 'giamdoc', tb('2025-12-17')),
      notify('2025-12-18', 'vanphong', 'Người khiếu nại; Thanh tra tỉnh Quảng Ngãi'),
      verify('2025-12-29', 'truongphong', 'Kiểm tra phiếu chấm điểm của các thành viên Hội đồng và hồ sơ năng lực của nhóm nghiên cứu.'),
      decide(
        '2026-01-13',
        'giamdoc',
        'Không công nhận nội dung khiếu nại: điểm năng lực được tính đúng tiêu chí đã công bố; giữ nguyên kết quả xét chọn.',
        qd('2026-01-13'),
      ),
      notify('2026-01-14', 'vanphong', 'Người khiếu nại; Thanh tra tỉnh Quảng Ngãi'),
    ],
  },
  {
    key: 'tc-do-choi',
    kind: 'denunciation',
    channel: 'letter',
    receivedOn: '2025-12-22',
    subject: 'Tố cáo cơ sở kinh doanh bán đồ chơi trẻ em không có dấu hợp quy',
    content:
      'Người tố cáo cho biết một cơ sở kinh doanh tại phường Nghĩa Lộ bán số lượng lớn đồ chơi trẻ em nhập lậu, không có dấu hợp quy CR, không có nhãn hàng hóa tiếng Việt, đặc biệt trong dịp Tết Dương lịch.',
    parties: [denouncer(P.huong), denounced('Hộ kinh doanh Phúc An', 'Phường Nghĩa Lộ, tỉnh Quảng Ngãi')],
    steps: [
      assign('2025-12-23', 'CCTDC', 'cccctdc'),
      accept('2025-12-30', 'giamdoc', qd('2025-12-30')),
      notify('2026-01-05', 'cccctdc', 'Người tố cáo; cơ sở bị tố cáo (nội dung tố cáo)'),
      verify(
        '2026-01-12',
        'cccctdc',
        'Kiểm tra đột xuất cơ sở: phát hiện 1.240 sản phẩm đồ chơi không có dấu hợp quy, không có nhãn phụ tiếng Việt; lập biên bản, tạm giữ hàng hóa.',
      ),
      decide(
        '2026-01-26',
        'giamdoc',
        'Tố cáo đúng: cơ sở kinh doanh đồ chơi trẻ em không có dấu hợp quy, không ghi nhãn theo quy định; đã xử phạt vi phạm hành chính và buộc tái xuất hoặc tiêu hủy hàng hóa.',
        kl('2026-01-26'),
      ),
      notify('2026-01-28', 'vanphong', 'Người tố cáo; cơ sở bị tố cáo; UBND phường Nghĩa Lộ'),
    ],
  },
  // ── January 2026 ──
  {
    key: 'pa-giong-nam',
    kind: 'feedback',
    channel: 'email',
    receivedOn: '2026-01-19',
    subject: 'Phản ánh Trung tâm Ứng dụng chậm giao giống nấm linh chi theo hợp đồng chuyển giao',
    content:
      'Người phản ánh đã ký hợp đồng chuyển giao kỹ thuật trồng nấm linh chi với Trung tâm Ứng dụng từ tháng 10/2025 nhưng đến nay chưa được giao phôi giống như cam kết.',
    parties: [petitioner(P.tu)],
    steps: [
      assign('2026-01-20', 'TTUD', 'gdttud'),
      accept('2026-01-21', 'vanphong'),
      decide(
        '2026-01-30',
        'giamdoc',
        'Trung tâm Ứng dụng chậm giao phôi giống do lô phôi đầu bị nhiễm nấm mốc; đã giao đủ 2.000 phôi ngày 28/01/2026 và cử cán bộ hướng dẫn kỹ thuật tại chỗ.',
        cv('2026-01-30', 'VP'),
      ),
    ],
  },
  // ── February 2026 ──
  {
    key: 'pa-tham-dinh',
    kind: 'feedback',
    channel: 'portal',
    receivedOn: '2026-02-02',
    subject: 'Phản ánh chưa nhận được ý kiến thẩm định công nghệ dự án đầu tư',
    content:
      'Doanh nghiệp gửi hồ sơ đề nghị cho ý kiến về công nghệ của dự án đầu tư nhà máy chế biến gỗ từ tháng 12/2025 nhưng chưa nhận được văn bản trả lời của Sở.',
    parties: [petitioner(P.viet)],
    steps: [
      assign('2026-02-03', 'QLCN', 'tpqlcn'),
      withdraw(
        '2026-02-05',
        'vanphong',
        'Doanh nghiệp đã nhận được văn bản cho ý kiến về công nghệ ngày 04/02/2026 và đề nghị rút phản ánh.',
      ),
    ],
  },
  {
    key: 'kng-tan-so',
    kind: 'petition',
    channel: 'email',
    receivedOn: '2026-02-09',
    subject: 'Đề nghị hướng dẫn cấp giấy phép sử dụng tần số vô tuyến điện cho máy thu phát trên tàu cá',
    content:
      'Chủ tàu cá đề nghị Sở hướng dẫn và cấp giấy phép sử dụng tần số vô tuyến điện cho máy thu phát vô tuyến điện sóng ngắn lắp trên tàu cá hoạt động vùng khơi.',
    parties: [petitioner(P.sau)],
    steps: [
      guide(
        '2026-02-12',
        'vanphong',
        'Trung tâm Tần số vô tuyến điện khu vực (Cục Tần số vô tuyến điện)',
        'Giấy phép sử dụng tần số vô tuyến điện do Cục Tần số vô tuyến điện cấp; đã hướng dẫn nộp hồ sơ trực tuyến và gửi kèm danh mục hồ sơ.',
        cv('2026-02-12', 'BCVTCĐS'),
      ),
    ],
  },
  {
    key: 'kng-mat-ong',
    kind: 'petition',
    channel: 'letter',
    receivedOn: '2026-02-24',
    subject: 'Kiến nghị hỗ trợ đăng ký nhãn hiệu tập thể "Mật ong Minh Long"',
    content:
      'Hợp tác xã kiến nghị Sở hỗ trợ kinh phí và hướng dẫn thủ tục đăng ký bảo hộ nhãn hiệu tập thể "Mật ong Minh Long" cho các hộ nuôi ong trên địa bàn xã Minh Long.',
    parties: [petitioner(P.nhung)],
    // Processed after the 10 working days: resolved late.
    steps: [
      assign('2026-03-02', 'QLCN', 'tpqlcn'),
      accept('2026-03-17', 'vanphong'),
      decide(
        '2026-03-27',
        'giamdoc',
        'Hỗ trợ 100% chi phí tư vấn, nộp đơn đăng ký nhãn hiệu tập thể theo chương trình phát triển tài sản trí tuệ của tỉnh; Phòng Quản lý công nghệ và Phát triển thị trường hướng dẫn xây dựng quy chế sử dụng nhãn hiệu.',
        cv('2026-03-27', 'QLCN'),
      ),
    ],
  },
  // ── March 2026 ──
  {
    key: 'tc-da-giai-quyet',
    kind: 'denunciation',
    channel: 'letter',
    receivedOn: '2026-03-02',
    subject: 'Tố cáo lại nội dung đã được kết luận về việc cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ',
    content:
      'Người tố cáo tiếp tục tố cáo việc cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ cho một tổ chức tư vấn không đủ điều kiện; nội dung này đã được Sở kết luận năm 2025, đơn không nêu thông tin, tình tiết mới.',
    parties: [denouncer(P.loi)],
    steps: [
      notAccept(
        '2026-03-09',
        'vanphong',
        ['tc_already_resolved'],
        tb('2026-03-09'),
        'Nội dung đã được kết luận năm 2025; đơn không có thông tin, tài liệu, chứng cứ mới.',
      ),
    ],
  },
  {
    key: 'tc-vang',
    kind: 'denunciation',
    channel: 'letter',
    receivedOn: '2026-03-16',
    subject: 'Tố cáo cơ sở kinh doanh vàng trang sức sử dụng cân chưa được kiểm định',
    content:
      'Người tố cáo cho biết một cơ sở kinh doanh vàng trang sức tại phường Cẩm Thành sử dụng cân phân tích chưa được kiểm định, nghi ngờ cân thiếu khối lượng khi bán.',
    parties: [denouncer(P.bich), denounced('Cơ sở kinh doanh vàng bạc Kim Ngân', 'Phường Cẩm Thành, tỉnh Quảng Ngãi')],
    steps: [
      assign('2026-03-17', 'CCTDC', 'cccctdc'),
      accept('2026-03-23', 'giamdoc', qd('2026-03-23')),
      notify('2026-03-25', 'cccctdc', 'Người tố cáo; cơ sở bị tố cáo (nội dung tố cáo)'),
      verify(
        '2026-04-02',
        'cccctdc',
        'Kiểm tra đột xuất: cân phân tích hết hạn kiểm định 04 tháng; kiểm tra xác suất 10 sản phẩm, khối lượng đạt yêu cầu.',
      ),
      decide(
        '2026-04-17',
        'giamdoc',
        'Tố cáo đúng một phần: cơ sở sử dụng cân hết hạn kiểm định (đã xử phạt và buộc kiểm định lại); không phát hiện gian lận khối lượng.',
        kl('2026-04-17'),
      ),
      notify('2026-04-21', 'vanphong', 'Người tố cáo; cơ sở bị tố cáo'),
    ],
  },
  {
    key: 'kng-cong-khai',
    kind: 'petition',
    channel: 'portal',
    receivedOn: '2026-03-30',
    subject: 'Kiến nghị công khai danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh đặt hàng năm 2027 trên Trang thông tin điện tử của Sở',
    content:
      'Người kiến nghị đề nghị Sở công khai sớm danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh đặt hàng năm 2027, kèm yêu cầu và thời hạn nộp hồ sơ, trên Trang thông tin điện tử để các nhà khoa học chủ động chuẩn bị.',
    parties: [petitioner(P.nhat)],
    steps: [
      assign('2026-03-31', 'QLKH', 'truongphong'),
      accept('2026-04-01', 'vanphong'),
      decide(
        '2026-04-09',
        'giamdoc',
        'Sở tiếp thu; danh mục nhiệm vụ đặt hàng năm 2027 sẽ được công khai trên Trang thông tin điện tử của Sở chậm nhất 30 ngày trước hạn nộp hồ sơ.',
        cv('2026-04-09', 'QLKH'),
      ),
      publicAnswer(
        '2026-04-10',
        'Sở Khoa học và Công nghệ cảm ơn ý kiến của Ông. Danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh đặt hàng năm 2027 sẽ được công khai trên Trang thông tin điện tử của Sở, mục "Nhiệm vụ KH&CN", chậm nhất 30 ngày trước hạn nộp hồ sơ, kèm yêu cầu và biểu mẫu.',
      ),
    ],
  },
  // ── April 2026 ──
  {
    key: 'kn-rut-don',
    kind: 'complaint',
    channel: 'letter',
    receivedOn: '2026-04-06',
    knowledgeOn: '2026-03-27',
    subject: 'Khiếu nại việc trả lại hồ sơ đề nghị hỗ trợ đổi mới công nghệ',
    content:
      'Người khiếu nại không đồng ý với việc Sở trả lại hồ sơ đề nghị hỗ trợ đổi mới công nghệ dây chuyền đóng gói của công ty với lý do hồ sơ chưa có phương án công nghệ được thẩm định.',
    parties: [complainant(P.my)],
    steps: [
      assign('2026-04-07', 'QLCN', 'tpqlcn'),
      accept('2026-04-13', 'giamdoc', tb('2026-04-13')),
      withdraw('2026-04-24', 'tpqlcn', 'Sau khi được giải thích, người khiếu nại có đơn rút khiếu nại và bổ sung hồ sơ theo hướng dẫn.'),
    ],
  },
  {
    key: 'tc-khong-co-so',
    kind: 'denunciation',
    channel: 'portal',
    receivedOn: '2026-04-20',
    subject: 'Tố cáo cán bộ gây khó khăn khi giải quyết thủ tục hành chính',
    content:
      'Người tố cáo cho rằng "cán bộ của Sở" gây khó khăn, nhũng nhiễu khi giải quyết thủ tục hành chính nhưng không nêu người, thời gian, thủ tục cụ thể; không bổ sung thông tin khi được đề nghị.',
    parties: [denouncer(P.nam)],
    steps: [
      notAccept(
        '2026-04-24',
        'vanphong',
        ['tc_no_basis'],
        tb('2026-04-24'),
        'Đã đề nghị người tố cáo bổ sung thông tin nhưng không nhận được phản hồi.',
      ),
    ],
  },
  {
    key: 'pa-gop-y',
    kind: 'feedback',
    channel: 'letter',
    receivedOn: '2026-04-28',
    subject: 'Thư góp ý chung về cải cách hành chính',
    content: 'Thư góp ý chung về việc đẩy mạnh cải cách hành chính, không nêu sự việc, thủ tục hay đơn vị cụ thể.',
    parties: [petitioner(P.minh)],
    steps: [
      information(
        '2026-05-05',
        'vanphong',
        'Không có nội dung cụ thể để xử lý; lưu làm thông tin, tổng hợp vào báo cáo cải cách hành chính.',
      ),
    ],
  },
  // ── May 2026 ──
  {
    key: 'pa-dvc-buu-chinh',
    kind: 'feedback',
    channel: 'portal',
    receivedOn: '2026-05-05',
    subject: 'Phản ánh không nộp được hồ sơ cấp giấy phép bưu chính trực tuyến',
    content:
      'Người phản ánh không tải được tệp đính kèm khi nộp hồ sơ đề nghị cấp giấy phép bưu chính trên Cổng Dịch vụ công; hệ thống báo lỗi dung lượng dù tệp dưới 5 MB.',
    parties: [petitioner(P.thuy)],
    steps: [
      assign('2026-05-06', 'BCVT-CDS', 'tpcds'),
      accept('2026-05-06', 'vanphong'),
      decide(
        '2026-05-12',
        'giamdoc',
        'Lỗi do cấu hình giới hạn dung lượng của thủ tục, đã được khắc phục ngày 08/5/2026; hồ sơ của người phản ánh đã được tiếp nhận.',
        cv('2026-05-12', 'BCVTCĐS'),
      ),
      publicAnswer(
        '2026-05-13',
        'Lỗi tải tệp đính kèm đối với thủ tục cấp giấy phép bưu chính trên Cổng Dịch vụ công đã được khắc phục từ ngày 08/5/2026. Hồ sơ của Bà đã được tiếp nhận và đang được giải quyết đúng hạn. Sở xin lỗi vì sự bất tiện.',
      ),
    ],
  },
  {
    key: 'tc-xa-minh-long',
    kind: 'denunciation',
    channel: 'email',
    receivedOn: '2026-05-11',
    subject: 'Tố cáo cán bộ UBND xã Minh Long thu tiền hỗ trợ lắp đặt Internet cho hộ nghèo',
    content:
      'Người tố cáo cho biết một cán bộ UBND xã Minh Long thu của mỗi hộ nghèo 200.000 đồng khi lắp đặt Internet được hỗ trợ miễn phí theo chương trình viễn thông công ích.',
    parties: [denouncer(P.luong)],
    steps: [
      forward(
        '2026-05-14',
        'vanphong',
        'Chủ tịch UBND xã Minh Long',
        cv('2026-05-14', 'VP'),
        'Người bị tố cáo là cán bộ do UBND xã quản lý; chuyển đơn theo Luật Tố cáo, Điều 24 khoản 2 và thông báo cho người tố cáo.',
      ),
    ],
  },
  {
    key: 'kn-thoi-hieu',
    kind: 'complaint',
    channel: 'letter',
    receivedOn: '2026-05-18',
    knowledgeOn: '2026-01-12',
    subject: 'Khiếu nại Quyết định xử phạt vi phạm hành chính về kinh doanh mũ bảo hiểm không đạt quy chuẩn',
    content:
      'Người khiếu nại không đồng ý với Quyết định xử phạt vi phạm hành chính về hành vi kinh doanh mũ bảo hiểm cho người đi mô tô, xe máy không đạt quy chuẩn kỹ thuật, nhận được ngày 12/01/2026.',
    parties: [complainant(P.trang)],
    steps: [
      notAccept(
        '2026-05-25',
        'vanphong',
        ['kn_limitation_expired'],
        tb('2026-05-25'),
        'Quá 90 ngày kể từ ngày nhận quyết định; người khiếu nại trình bày bị ốm nhưng không có giấy tờ chứng minh lý do chính đáng.',
      ),
    ],
  },
  // ── June 2026 ──
  {
    key: 'kng-buc-xa',
    kind: 'petition',
    channel: 'portal',
    receivedOn: '2026-06-02',
    aboutRegulation: true,
    subject: 'Kiến nghị về thành phần hồ sơ thủ tục cấp giấy phép tiến hành công việc bức xạ (X-quang chẩn đoán y tế)',
    content:
      'Người kiến nghị đề nghị bỏ yêu cầu nộp bản sao có chứng thực chứng chỉ nhân viên bức xạ trong hồ sơ cấp giấy phép tiến hành công việc bức xạ sử dụng thiết bị X-quang chẩn đoán y tế, vì thông tin chứng chỉ đã có trong cơ sở dữ liệu của cơ quan cấp.',
    parties: [petitioner(P.long)],
    steps: [
      forward(
        '2026-06-05',
        'vanphong',
        'Bộ Khoa học và Công nghệ (Cục An toàn bức xạ và hạt nhân)',
        cv('2026-06-05', 'QLCN'),
        'Kiến nghị về quy định hành chính thuộc thẩm quyền của Bộ; chuyển trong 05 ngày làm việc.',
      ),
      publicAnswer(
        '2026-06-08',
        'Kiến nghị của Ông về thành phần hồ sơ thủ tục cấp giấy phép tiến hành công việc bức xạ thuộc thẩm quyền của Bộ Khoa học và Công nghệ. Sở đã chuyển kiến nghị đến Cục An toàn bức xạ và hạt nhân ngày 05/6/2026 và sẽ thông tin khi có trả lời.',
      ),
    ],
  },
  {
    key: 'kng-buc-xa-trung',
    kind: 'petition',
    channel: 'email',
    receivedOn: '2026-06-04',
    aboutRegulation: true,
    subject: 'Kiến nghị về thành phần hồ sơ cấp giấy phép tiến hành công việc bức xạ (gửi qua thư điện tử)',
    content:
      'Nội dung trùng với kiến nghị người này đã gửi qua Cổng thông tin ngày 02/6/2026 về việc bỏ yêu cầu bản sao có chứng thực chứng chỉ nhân viên bức xạ.',
    parties: [petitioner(P.long)],
    steps: [link('2026-06-05', 'kng-buc-xa', 'duplicate', 'Đơn trùng nội dung, đã chuyển một lần; không chuyển lại.')],
  },
  {
    key: 'tc-nac-danh',
    kind: 'denunciation',
    channel: 'letter',
    receivedOn: '2026-06-08',
    anonymous: true,
    subject: 'Đơn không ký tên phản ánh dấu hiệu tiêu cực trong thẩm định hồ sơ cấp phép',
    content:
      'Đơn không ghi họ tên, địa chỉ người gửi, cho rằng một số công chức "làm luật" khi thẩm định hồ sơ cấp giấy phép; có nêu tên một cơ sở kinh doanh và khoảng thời gian cụ thể.',
    steps: [
      note(
        '2026-06-10',
        'vanphong',
        'Thông tin có nêu cơ sở và thời gian cụ thể; báo cáo Giám đốc Sở để xem xét đưa vào nội dung kiểm tra nội bộ công vụ năm 2026.',
      ),
    ],
  },
  {
    key: 'kn-noi-bo',
    kind: 'complaint',
    channel: 'letter',
    receivedOn: '2026-06-10',
    knowledgeOn: '2026-06-01',
    subject: 'Khiếu nại văn bản phân công nhiệm vụ của Giám đốc Trung tâm Ứng dụng',
    content:
      'Người khiếu nại là viên chức Trung tâm Ứng dụng, không đồng ý với văn bản phân công nhiệm vụ nội bộ ngày 01/6/2026 chuyển ông từ bộ phận thống kê sang bộ phận chuyển giao công nghệ.',
    parties: [complainant(P.nghiaVc)],
    steps: [
      notAccept(
        '2026-06-17',
        'vanphong',
        ['kn_internal_act'],
        tb('2026-06-17'),
        'Văn bản phân công nhiệm vụ trong nội bộ đơn vị để tổ chức thực hiện nhiệm vụ, không phải đối tượng khiếu nại; hướng dẫn người khiếu nại kiến nghị với Giám đốc Trung tâm.',
      ),
    ],
  },
  // ── July 2026 ──
  {
    key: 'kng-che-do',
    kind: 'petition',
    channel: 'forwarded',
    sourceBody: 'Ban Tiếp công dân tỉnh Quảng Ngãi',
    receivedOn: '2026-07-06',
    subject: 'Kiến nghị giải quyết chế độ thôi việc của viên chức Trung tâm Ứng dụng khi sắp xếp tổ chức bộ máy',
    content:
      'Ban Tiếp công dân tỉnh chuyển đơn của viên chức Trung tâm Ứng dụng và Thống kê khoa học công nghệ kiến nghị được giải quyết chế độ thôi việc theo Nghị định 178/2024/NĐ-CP khi sắp xếp tổ chức bộ máy; đơn cho biết hồ sơ nộp từ tháng 3/2026 chưa được giải quyết.',
    parties: [petitioner(P.thu)],
    steps: [
      assign('2026-07-07', 'TTUD', 'gdttud'),
      accept('2026-07-08', 'vanphong'),
      verify(
        '2026-07-14',
        'gdttud',
        'Phối hợp Phòng Kế hoạch - Tài chính rà soát hồ sơ: viên chức thuộc đối tượng hưởng chính sách; hồ sơ chậm do thiếu xác nhận thời gian đóng bảo hiểm xã hội.',
      ),
      decide(
        '2026-07-17',
        'giamdoc',
        'Viên chức thuộc đối tượng hưởng chính sách thôi việc; Sở đã trình UBND tỉnh phê duyệt kinh phí ngày 16/7/2026, chi trả trong tháng 8/2026.',
        cv('2026-07-17', 'KHTC'),
      ),
      notify('2026-07-20', 'vanphong', 'Ban Tiếp công dân tỉnh Quảng Ngãi; người kiến nghị'),
    ],
  },
  {
    key: 'tc-xet-chon',
    kind: 'denunciation',
    channel: 'letter',
    receivedOn: '2026-07-13',
    subject: 'Tố cáo hành vi vụ lợi trong xét chọn tổ chức chủ trì đề tài phát triển chuỗi giá trị tỏi Lý Sơn',
    content:
      'Hai người tố cáo cho rằng một công chức Phòng Quản lý khoa học và một thành viên Hội đồng tư vấn có quan hệ lợi ích với tổ chức trúng tuyển chủ trì đề tài phát triển chuỗi giá trị tỏi Lý Sơn; hồ sơ của tổ chức này được bổ sung sau thời hạn.',
    parties: [
      denouncer(P.son),
      denouncer(P.thuyLe),
      denounced('Trần Minh Hoàng', 'Công chức Phòng Quản lý khoa học, Sở Khoa học và Công nghệ'),
    ],
    steps: [
      assign('2026-07-14', 'KHTC', 'tpkhtc'),
      accept('2026-07-20', 'giamdoc', qd('2026-07-20')),
      notify('2026-07-23', 'tpkhtc', 'Người tố cáo; người bị tố cáo (nội dung tố cáo)'),
      complexity(
        '2026-07-27',
        'tpkhtc',
        ['b', 'g'],
        'Phải xác minh hai nội dung (hồ sơ bổ sung sau hạn; quan hệ lợi ích) và có tình tiết mâu thuẫn cần ý kiến chuyên môn.',
      ),
      verify(
        '2026-08-05',
        'tpkhtc',
        'Làm việc với người bị tố cáo, các thành viên Hội đồng; thu thập hồ sơ xét chọn và nhật ký tiếp nhận hồ sơ.',
      ),
      extend('2026-08-14', 'giamdoc', qd('2026-08-14'), 'Vụ việc đặc biệt phức tạp; gia hạn lần 1.'),
      notify('2026-08-17', 'tpkhtc', 'Người tố cáo; người bị tố cáo (quyết định gia hạn lần 1)'),
      extend('2026-09-15', 'giamdoc', qd('2026-09-15'), 'Chờ ý kiến giám định chữ ký, ngày ký trên hồ sơ bổ sung; gia hạn lần 2.'),
      notify('2026-09-16', 'tpkhtc', 'Người tố cáo; người bị tố cáo (quyết định gia hạn lần 2)'),
      decide(
        '2026-10-15',
        'giamdoc',
        'Tố cáo đúng một phần: hồ sơ của tổ chức trúng tuyển được bổ sung sau hạn nhưng được Hội đồng chấp nhận không đúng quy định; không có căn cứ kết luận về quan hệ lợi ích. Hủy kết quả xét chọn, tổ chức xét chọn lại; kiểm điểm trách nhiệm công chức liên quan.',
        kl('2026-10-15'),
      ),
      notify('2026-10-19', 'vanphong', 'Người tố cáo; người bị tố cáo; Thanh tra tỉnh Quảng Ngãi'),
    ],
  },
  {
    key: 'kng-iso',
    kind: 'petition',
    channel: 'portal',
    receivedOn: '2026-07-20',
    subject: 'Kiến nghị tổ chức tập huấn xây dựng, áp dụng hệ thống quản lý chất lượng cho doanh nghiệp nhỏ',
    content:
      'Doanh nghiệp chế biến thủy sản kiến nghị Sở tổ chức tập huấn miễn phí về xây dựng, áp dụng hệ thống quản lý chất lượng ISO 9001 và HACCP cho doanh nghiệp nhỏ và vừa.',
    parties: [petitioner(P.yen)],
    steps: [
      assign('2026-07-21', 'CCTDC', 'cccctdc'),
      accept('2026-07-22', 'vanphong'),
      decide(
        '2026-07-31',
        'giamdoc',
        'Chi cục Tiêu chuẩn Đo lường Chất lượng tổ chức 02 lớp tập huấn miễn phí về ISO 9001 và HACCP trong tháng 9/2026 theo Chương trình năng suất chất lượng của tỉnh.',
        cv('2026-07-31', 'TĐC'),
      ),
      publicAnswer(
        '2026-08-03',
        'Chi cục Tiêu chuẩn Đo lường Chất lượng sẽ tổ chức 02 lớp tập huấn miễn phí về xây dựng, áp dụng ISO 9001 và HACCP cho doanh nghiệp nhỏ và vừa trong tháng 9/2026. Thông báo chiêu sinh được đăng trên Trang thông tin điện tử của Sở.',
      ),
    ],
  },
  {
    key: 'kn-doanh-nghiep-khcn',
    kind: 'complaint',
    channel: 'email',
    receivedOn: '2026-07-24',
    knowledgeOn: '2026-07-10',
    subject: 'Khiếu nại việc từ chối cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ',
    content:
      'Công ty khiếu nại Văn bản ngày 10/7/2026 của Sở từ chối cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ với lý do sản phẩm chưa được xác định là hình thành từ kết quả khoa học và công nghệ.',
    parties: [complainant(P.hai)],
    steps: [
      assign('2026-07-27', 'QLCN', 'tpqlcn'),
      accept('2026-08-03', 'giamdoc', tb('2026-08-03')),
      notify('2026-08-04', 'vanphong', 'Người khiếu nại; Thanh tra tỉnh Quảng Ngãi'),
      suspend(
        '2026-08-20',
        'giamdoc',
        qd('2026-08-20'),
        'Chờ ý kiến của Bộ Khoa học và Công nghệ về việc xác định sản phẩm hình thành từ kết quả khoa học và công nghệ.',
      ),
      notify('2026-08-21', 'vanphong', 'Người khiếu nại; Thanh tra tỉnh Quảng Ngãi (quyết định tạm đình chỉ)'),
      resume('2026-09-10', 'giamdoc', qd('2026-09-10'), 'Đã nhận ý kiến của Bộ Khoa học và Công nghệ.'),
      decide(
        '2026-09-21',
        'giamdoc',
        'Chấp nhận khiếu nại: căn cứ ý kiến của Bộ, sản phẩm khuôn mẫu chính xác của công ty hình thành từ kết quả khoa học và công nghệ; thu hồi Văn bản ngày 10/7/2026, cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ.',
        qd('2026-09-21'),
      ),
      notify('2026-09-22', 'vanphong', 'Người khiếu nại; Thanh tra tỉnh Quảng Ngãi'),
    ],
  },
  {
    key: 'kn-buu-chinh-thu-hoi',
    kind: 'complaint',
    channel: 'letter',
    receivedOn: '2026-07-30',
    knowledgeOn: '2026-07-20',
    subject: 'Khiếu nại Quyết định thu hồi giấy phép bưu chính',
    content:
      'Người khiếu nại, chủ cơ sở dịch vụ chuyển phát, khiếu nại Quyết định của Giám đốc Sở thu hồi giấy phép bưu chính với lý do không hoạt động quá 12 tháng; cho rằng cơ sở vẫn hoạt động và có chứng từ.',
    parties: [complainant(P.kim)],
    steps: [
      assign('2026-07-31', 'BCVT-CDS', 'tpcds'),
      accept('2026-08-06', 'giamdoc', tb('2026-08-06')),
      notify('2026-08-07', 'vanphong', 'Người khiếu nại; Thanh tra tỉnh Quảng Ngãi'),
      verify(
        '2026-08-20',
        'tpcds',
        'Đối chiếu báo cáo sản lượng và chứng từ: cơ sở vẫn hoạt động, báo cáo định kỳ bị gửi nhầm địa chỉ thư điện tử.',
      ),
      terminate(
        '2026-09-04',
        'giamdoc',
        qd('2026-09-04'),
        'Sở đã ban hành quyết định hủy bỏ quyết định thu hồi giấy phép bưu chính; đối tượng khiếu nại không còn.',
      ),
      notify('2026-09-07', 'vanphong', 'Người khiếu nại; Thanh tra tỉnh Quảng Ngãi (quyết định đình chỉ)'),
    ],
  },
  // ── August 2026 ──
  {
    key: 'kng-quy-dinh-tinh',
    kind: 'petition',
    channel: 'forwarded',
    sourceBody: 'Văn phòng UBND tỉnh Quảng Ngãi',
    receivedOn: '2026-08-17',
    aboutRegulation: true,
    subject: 'Kiến nghị sửa đổi quy định về định mức xây dựng dự toán nhiệm vụ khoa học và công nghệ cấp tỉnh',
    content:
      'Văn phòng UBND tỉnh chuyển kiến nghị (gửi qua Hệ thống tiếp nhận phản ánh, kiến nghị) đề nghị sửa đổi định mức chi thuê chuyên gia, công lao động khoa học trong quy định về xây dựng dự toán nhiệm vụ khoa học và công nghệ cấp tỉnh cho phù hợp mặt bằng giá hiện nay.',
    parties: [petitioner(P.dinh)],
    steps: [
      assign('2026-08-18', 'QLKH', 'truongphong'),
      accept('2026-08-20', 'vanphong'),
      decide(
        '2026-08-28',
        'giamdoc',
        'Sở là cơ quan tham mưu quy định; tiếp thu kiến nghị, đưa vào dự thảo sửa đổi quy định về định mức xây dựng dự toán nhiệm vụ khoa học và công nghệ trình UBND tỉnh trong quý IV/2026.',
        cv('2026-08-28', 'QLKH'),
      ),
      notify('2026-08-31', 'vanphong', 'Văn phòng UBND tỉnh Quảng Ngãi; người kiến nghị'),
    ],
  },
  {
    key: 'pa-xang-thieu',
    kind: 'feedback',
    channel: 'hotline',
    receivedOn: '2026-08-27',
    subject: 'Phản ánh cửa hàng xăng dầu bơm thiếu tại xã Tịnh Khê',
    content:
      'Người phản ánh gọi đường dây nóng cho biết mua xăng tại một cửa hàng ở xã Tịnh Khê, đo lại bằng bình chuẩn thấy thiếu khoảng 0,2 lít trên 10 lít.',
    parties: [petitioner(P.hungTk)],
    steps: [
      assign('2026-08-27', 'CCTDC', 'cccctdc'),
      accept('2026-08-28', 'vanphong'),
      verify(
        '2026-09-03',
        'cccctdc',
        'Kiểm tra đột xuất: cột đo số 2 có sai số âm vượt giới hạn cho phép; niêm phong cột đo, lập biên bản vi phạm hành chính.',
      ),
      decide(
        '2026-09-10',
        'giamdoc',
        'Phản ánh đúng: cột đo số 2 của cửa hàng sai số vượt giới hạn cho phép; đã xử phạt vi phạm hành chính, buộc hiệu chỉnh và kiểm định lại trước khi sử dụng.',
        cv('2026-09-10', 'TĐC'),
      ),
    ],
  },
  // ── September 2026 ──
  {
    key: 'pa-chuyen-giao',
    kind: 'feedback',
    channel: 'portal',
    receivedOn: '2026-09-07',
    subject: 'Phản ánh chưa được hướng dẫn thủ tục đăng ký hợp đồng chuyển giao công nghệ',
    content:
      'Doanh nghiệp phản ánh đã hỏi qua điện thoại nhiều lần nhưng chưa được hướng dẫn đầy đủ thủ tục đăng ký hợp đồng chuyển giao công nghệ dây chuyền ép viên nén mùn cưa.',
    parties: [petitioner(P.phuc)],
    steps: [
      assign('2026-09-08', 'QLCN', 'tpqlcn'),
      accept('2026-09-09', 'vanphong'),
      decide(
        '2026-09-16',
        'giamdoc',
        'Phòng Quản lý công nghệ và Phát triển thị trường đã hướng dẫn trực tiếp doanh nghiệp ngày 14/9/2026; bổ sung hướng dẫn chi tiết thủ tục trên Trang thông tin điện tử.',
        cv('2026-09-16', 'QLCN'),
      ),
      publicAnswer(
        '2026-09-17',
        'Thủ tục đăng ký hợp đồng chuyển giao công nghệ được thực hiện trên Cổng Dịch vụ công; hướng dẫn chi tiết, mẫu hợp đồng và danh mục hồ sơ đã được đăng tại Trang thông tin điện tử của Sở. Phòng Quản lý công nghệ và Phát triển thị trường đã hướng dẫn trực tiếp doanh nghiệp ngày 14/9/2026.',
      ),
    ],
  },
  {
    key: 'kn-thu-hoi-kinh-phi',
    kind: 'complaint',
    channel: 'letter',
    receivedOn: '2026-09-10',
    knowledgeOn: '2026-08-25',
    subject: 'Khiếu nại Quyết định dừng thực hiện và thu hồi kinh phí dự án ứng dụng công nghệ nhà màng',
    content:
      'Công ty khiếu nại Quyết định của Giám đốc Sở về việc dừng thực hiện và thu hồi kinh phí dự án ứng dụng công nghệ nhà màng trồng dưa lưới; cho rằng chậm tiến độ do thiên tai, đã có văn bản xin điều chỉnh.',
    parties: [complainant(P.quang)],
    // Accepted, verified, not decided: overdue.
    steps: [
      assign('2026-09-14', 'QLKH', 'canbo'),
      accept('2026-09-21', 'giamdoc', tb('2026-09-21')),
      notify('2026-09-22', 'vanphong', 'Người khiếu nại; Thanh tra tỉnh Quảng Ngãi'),
      verify('2026-10-05', 'canbo', 'Kiểm tra hiện trường nhà màng, hồ sơ đề nghị điều chỉnh tiến độ và biên bản thiệt hại do mưa lũ.'),
      note('2026-11-10', 'truongphong', 'Đã có báo cáo kết quả xác minh; đang hoàn thiện dự thảo quyết định giải quyết trình Giám đốc Sở.'),
    ],
  },
  {
    key: 'tc-cong-tac-phi',
    kind: 'denunciation',
    channel: 'letter',
    receivedOn: '2026-09-14',
    subject: 'Tố cáo viên chức Trung tâm Ứng dụng lập hồ sơ thanh toán khống công tác phí, tiền thuê xe',
    content:
      'Người tố cáo cho biết một viên chức Trung tâm Ứng dụng lập hồ sơ thanh toán công tác phí và tiền thuê xe cho các chuyến đi chuyển giao kỹ thuật năm 2025 không có thật.',
    parties: [denouncer(P.toan), denounced('Lê Văn Trung', 'Viên chức Trung tâm Ứng dụng và Thống kê khoa học công nghệ')],
    // Accepted and notified, verification under way, no conclusion: overdue.
    steps: [
      assign('2026-09-16', 'KHTC', 'tpkhtc'),
      accept('2026-09-23', 'giamdoc', qd('2026-09-23')),
      notify('2026-09-25', 'tpkhtc', 'Người tố cáo; người bị tố cáo (nội dung tố cáo)'),
      verify(
        '2026-10-08',
        'tpkhtc',
        'Thu thập chứng từ thanh toán năm 2025; đối chiếu lịch công tác và xác nhận của các xã nơi chuyển giao.',
      ),
    ],
  },
  {
    key: 'tc-cong-tac-phi-trung',
    kind: 'denunciation',
    channel: 'email',
    receivedOn: '2026-09-16',
    subject: 'Tố cáo thanh toán khống công tác phí tại Trung tâm Ứng dụng (gửi qua thư điện tử)',
    content: 'Đơn gửi qua thư điện tử, cùng người tố cáo và cùng nội dung với đơn gửi qua bưu chính ngày 14/9/2026.',
    parties: [denouncer(P.toan)],
    steps: [link('2026-09-17', 'tc-cong-tac-phi', 'duplicate', 'Đơn trùng nội dung; gộp vào hồ sơ đơn nhận ngày 14/9/2026.')],
  },
  {
    key: 'pa-tra-bong',
    kind: 'feedback',
    channel: 'forwarded',
    sourceBody: 'UBND xã Trà Bồng',
    receivedOn: '2026-09-21',
    subject: 'Phản ánh sóng điện thoại yếu, nhiều khu dân cư xã Trà Bồng không có sóng 4G',
    content:
      'UBND xã Trà Bồng chuyển phản ánh của người dân về sóng điện thoại yếu, nhiều khu dân cư vùng cao không có sóng 4G, ảnh hưởng đến học tập trực tuyến và thanh toán điện tử.',
    parties: [petitioner(P.dungTb)],
    steps: [
      assign('2026-09-22', 'BCVT-CDS', 'tpcds', 'lanhdao'),
      accept('2026-09-23', 'vanphong'),
      verify('2026-10-01', 'tpcds', 'Rà soát bản đồ vùng phủ sóng cùng các doanh nghiệp viễn thông; xác định 04 khu dân cư lõm sóng.'),
      decide(
        '2026-10-02',
        'lanhdao',
        'MobiFone bổ sung 02 trạm phát sóng 4G trong tháng 11/2026; Viettel nâng cấp 01 trạm; 01 khu dân cư còn lại được đưa vào chương trình viễn thông công ích năm 2027.',
        cv('2026-10-02', 'BCVTCĐS'),
      ),
      notify('2026-10-05', 'vanphong', 'UBND xã Trà Bồng; người phản ánh'),
    ],
  },
  {
    key: 'tc-gian-lan-xang',
    kind: 'denunciation',
    channel: 'hotline',
    receivedOn: '2026-09-28',
    subject: 'Tố cáo cửa hàng xăng dầu gian lận đo lường bằng thiết bị can thiệp cột đo',
    content:
      'Người tố cáo gọi đường dây nóng (đã lập biên bản ghi nội dung tố cáo, người tố cáo ký xác nhận) cho biết một cửa hàng xăng dầu tại xã Trà Bồng lắp thiết bị điện tử can thiệp vào cột đo để bán thiếu.',
    parties: [denouncer(P.phong), denounced('Cửa hàng xăng dầu Tân Phát', 'Xã Trà Bồng, tỉnh Quảng Ngãi')],
    // Suspended, waiting for the expert examination.
    steps: [
      assign('2026-09-30', 'CCTDC', 'cccctdc'),
      accept('2026-10-05', 'giamdoc', qd('2026-10-05')),
      notify('2026-10-07', 'cccctdc', 'Người tố cáo; cơ sở bị tố cáo (nội dung tố cáo)'),
      verify(
        '2026-10-15',
        'cccctdc',
        'Kiểm tra đột xuất cùng Công an xã: niêm phong 02 cột đo, thu giữ bo mạch nghi có thiết bị can thiệp.',
      ),
      suspend('2026-10-28', 'giamdoc', qd('2026-10-28'), 'Chờ kết quả giám định bo mạch cột đo của tổ chức giám định tư pháp.'),
      notify('2026-10-29', 'cccctdc', 'Người tố cáo; cơ sở bị tố cáo (quyết định tạm đình chỉ)'),
    ],
  },
  // ── October 2026 ──
  {
    key: 'tc-thanh-tra-tinh',
    kind: 'denunciation',
    channel: 'forwarded',
    sourceBody: 'Thanh tra tỉnh Quảng Ngãi',
    receivedOn: '2026-10-05',
    subject: 'Tố cáo công chức Chi cục Tiêu chuẩn Đo lường Chất lượng nhận tiền của cửa hàng xăng dầu khi kiểm tra',
    content:
      'Thanh tra tỉnh chuyển đơn tố cáo một công chức Chi cục Tiêu chuẩn Đo lường Chất lượng nhận tiền của chủ một số cửa hàng xăng dầu tại xã Đông Sơn để bỏ qua vi phạm khi kiểm tra đo lường.',
    parties: [denouncer(P.han), denounced('Nguyễn Văn Thuận', 'Công chức Chi cục Tiêu chuẩn Đo lường Chất lượng')],
    // Complex (one criterion), extended once: still within the extended period.
    steps: [
      assign('2026-10-07', 'VP', 'cvvp'),
      accept('2026-10-14', 'giamdoc', qd('2026-10-14')),
      notify('2026-10-16', 'vanphong', 'Người tố cáo; người bị tố cáo (nội dung tố cáo); Thanh tra tỉnh Quảng Ngãi'),
      complexity('2026-10-26', 'vanphong', ['a'], 'Phải xác minh tại 03 cửa hàng xăng dầu ở các địa điểm khác nhau.'),
      extend('2026-11-10', 'giamdoc', qd('2026-11-10'), 'Vụ việc phức tạp; gia hạn một lần.'),
      notify('2026-11-11', 'vanphong', 'Người tố cáo; người bị tố cáo; Thanh tra tỉnh Quảng Ngãi (quyết định gia hạn)'),
      verify(
        '2026-11-20',
        'vanphong',
        'Làm việc với chủ 03 cửa hàng xăng dầu và các thành viên đoàn kiểm tra; đối chiếu biên bản kiểm tra.',
      ),
    ],
  },
  {
    key: 'kn-vung-cao',
    kind: 'complaint',
    channel: 'letter',
    receivedOn: '2026-10-22',
    knowledgeOn: '2026-07-15',
    obstacle: ['2026-09-20', '2026-10-10'],
    remote: true,
    subject: 'Khiếu nại Quyết định xử phạt vi phạm hành chính về kinh doanh mũ bảo hiểm không đạt quy chuẩn tại xã Ba Tơ',
    content:
      'Người khiếu nại, chủ cửa hàng tạp hóa tại xã Ba Tơ, không đồng ý với Quyết định xử phạt vi phạm hành chính ngày 15/7/2026 của Chi cục trưởng Chi cục Tiêu chuẩn Đo lường Chất lượng về kinh doanh mũ bảo hiểm không đạt quy chuẩn; từ 20/9 đến 10/10/2026 người khiếu nại điều trị tại bệnh viện (có giấy ra viện).',
    parties: [complainant(P.thom)],
    steps: [
      assign('2026-10-23', 'CCTDC', 'cccctdc', 'cccctdc', 'Khiếu nại lần đầu thuộc thẩm quyền của Chi cục trưởng.'),
      accept('2026-10-28', 'cccctdc', tbcc('2026-10-28')),
      notify('2026-10-29', 'cccctdc', 'Người khiếu nại; Sở Khoa học và Công nghệ'),
      verify('2026-11-12', 'cccctdc', 'Xác minh nguồn gốc lô mũ bảo hiểm và hóa đơn mua hàng của người khiếu nại.'),
    ],
  },
  {
    key: 'kn-giay-phep-buu-chinh',
    kind: 'complaint',
    channel: 'letter',
    receivedOn: '2026-10-26',
    knowledgeOn: '2026-10-12',
    subject: 'Khiếu nại việc từ chối cấp giấy phép bưu chính',
    content:
      'Công ty khiếu nại Văn bản ngày 12/10/2026 của Sở từ chối cấp giấy phép bưu chính với lý do phương án kinh doanh chưa đáp ứng yêu cầu về bảo đảm an ninh thông tin; cho rằng hồ sơ đã bổ sung đủ theo hướng dẫn.',
    parties: [complainant(P.minhCp)],
    // Accepted 03/11: the 30-day period ends within days.
    steps: [
      assign('2026-10-27', 'BCVT-CDS', 'tpcds'),
      accept('2026-11-03', 'giamdoc', tb('2026-11-03')),
      notify('2026-11-04', 'vanphong', 'Người khiếu nại; Thanh tra tỉnh Quảng Ngãi'),
      verify('2026-11-20', 'tpcds', 'Rà soát hồ sơ bổ sung; làm việc với doanh nghiệp về phương án bảo đảm an ninh thông tin.'),
    ],
  },
  {
    key: 'pa-minh-long',
    kind: 'feedback',
    channel: 'portal',
    receivedOn: '2026-10-26',
    subject: 'Phản ánh mất sóng di động, Internet chập chờn kéo dài tại xã Minh Long sau mưa lũ',
    content:
      'Người phản ánh cho biết sau đợt mưa lũ cuối tháng 10/2026, sóng di động và Internet tại nhiều khu dân cư xã Minh Long mất hoặc chập chờn kéo dài hơn một tuần.',
    parties: [petitioner(P.giang)],
    // Assigned, never processed: overdue.
    steps: [assign('2026-10-28', 'BCVT-CDS', 'tpcds')],
  },
  // ── November 2026 ──
  {
    key: 'kng-luc-3',
    kind: 'petition',
    channel: 'portal',
    receivedOn: '2026-11-02',
    subject: 'Kiến nghị thanh toán phần kinh phí còn lại đề tài chế phẩm vi sinh xử lý phụ phẩm cây mì (lần 3)',
    content:
      'Chủ nhiệm đề tài kiến nghị lần thứ ba: đề tài đã được nghiệm thu ngày 25/9/2026 nhưng phần kinh phí còn lại (40%) chưa được thanh toán.',
    parties: [petitioner(P.luc)],
    steps: [
      assign('2026-11-03', 'KHTC', 'tpkhtc'),
      link('2026-11-03', 'kng-luc-1', 'repeat'),
      link('2026-11-03', 'kng-luc-2', 'repeat'),
      accept('2026-11-10', 'vanphong'),
      verify('2026-11-19', 'tpkhtc', 'Hồ sơ quyết toán đề tài còn thiếu hóa đơn mua chế phẩm đối chứng; đã đề nghị chủ nhiệm bổ sung.'),
    ],
  },
  {
    key: 'pa-giong-lua',
    kind: 'feedback',
    channel: 'portal',
    receivedOn: '2026-11-09',
    subject: 'Phản ánh giống lúa chịu hạn chuyển giao cho mô hình trình diễn có tỷ lệ nảy mầm thấp',
    content:
      'Người phản ánh cho biết giống lúa chịu hạn do Trung tâm Ứng dụng chuyển giao cho mô hình trình diễn tại xã Nghĩa Hành vụ Thu Đông có tỷ lệ nảy mầm chỉ khoảng 60%.',
    parties: [petitioner(P.tai)],
    steps: [
      assign('2026-11-10', 'TTUD', 'gdttud'),
      accept('2026-11-12', 'vanphong'),
      verify(
        '2026-11-20',
        'gdttud',
        'Lấy mẫu giống lưu gửi kiểm nghiệm tỷ lệ nảy mầm; kiểm tra điều kiện bảo quản tại kho của hợp tác xã.',
      ),
    ],
  },
  {
    key: 'kng-ky-nang-so-tra-bong',
    kind: 'petition',
    channel: 'letter',
    receivedOn: '2026-11-17',
    subject: 'Kiến nghị mở lớp hướng dẫn kỹ năng số cho người dân vùng cao xã Trà Bồng',
    content:
      'Người kiến nghị đề nghị Sở phối hợp với xã mở lớp hướng dẫn người dân vùng cao sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt, ưu tiên người cao tuổi và phụ nữ.',
    parties: [petitioner(P.ngoc)],
    // Assigned, the processing period ends within days.
    steps: [assign('2026-11-19', 'BCVT-CDS', 'tpcds', 'lanhdao')],
  },
  {
    key: 'tc-taxi',
    kind: 'denunciation',
    channel: 'letter',
    receivedOn: '2026-11-18',
    subject: 'Tố cáo viên chức Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng thu tiền kiểm định đồng hồ taxi cao hơn quy định',
    content:
      'Người tố cáo cho biết khi kiểm định đồng hồ tính tiền taxi tháng 10/2026, một viên chức Trung tâm Kỹ thuật thu thêm 300.000 đồng mỗi xe ngoài phí kiểm định, không có biên lai.',
    parties: [denouncer(P.haiTaxi), denounced('Phạm Quốc Khánh', 'Viên chức Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng')],
    // Accepted 26/11, the notice to the parties is due within days.
    steps: [assign('2026-11-20', 'CCTDC', 'cccctdc'), accept('2026-11-26', 'giamdoc', qd('2026-11-26'))],
  },
  {
    key: 'kn-gas',
    kind: 'complaint',
    channel: 'portal',
    receivedOn: '2026-11-25',
    knowledgeOn: '2026-11-10',
    subject: 'Khiếu nại Quyết định xử phạt vi phạm hành chính về đo lường đối với chai khí dầu mỏ hóa lỏng thiếu khối lượng',
    content:
      'Người khiếu nại, chủ cửa hàng kinh doanh gas, không đồng ý với Quyết định xử phạt ngày 10/11/2026 về hành vi kinh doanh chai khí dầu mỏ hóa lỏng có lượng thiếu vượt giới hạn cho phép; cho rằng chai gas do thương nhân đầu mối nạp và niêm phong.',
    parties: [complainant(P.bao)],
    steps: [],
  },
  {
    key: 'pa-bieu-mau',
    kind: 'feedback',
    channel: 'email',
    receivedOn: '2026-11-26',
    subject: 'Phản ánh biểu mẫu hồ sơ đề xuất nhiệm vụ khoa học và công nghệ năm 2027 trên Trang thông tin điện tử chưa cập nhật',
    content:
      'Người phản ánh cho biết biểu mẫu phiếu đề xuất nhiệm vụ khoa học và công nghệ năm 2027 đăng trên Trang thông tin điện tử của Sở vẫn là mẫu cũ, chưa phù hợp thông báo mới.',
    parties: [petitioner(P.namEmail)],
    steps: [],
  },
];

/* ─────────────── the seed ─────────────── */

type Person = { actor: Actor; who: Who };

export async function seedCasesDemo(ctx: SeedContext): Promise<void> {
  const { today } = ctx;
  const onOrBefore = (d: string) => compareIsoDates(d, today) <= 0;
  // Each demo person's actor, loaded once.
  const people = {} as Record<Staff, Person>;
  for (const u of STAFF) {
    people[u] = await ctx.as(u, async (uc) => ({ actor: uc.actor, who: uc.who }));
  }
  const portalWho: Who = { tenantId: ctx.tenantId, userId: null, name: 'Cổng thông tin công dân' };
  const unit = (code: string) => {
    const id = ctx.unitIdByCode[code];
    if (!id) throw new Error(`demo unit ${code} missing`);
    return id;
  };

  await ctx.as('vanphong', async ({ tx }) => {
    /** The context of one demo person acting in this transaction. */
    const as = (p: Person): ActorContext => ({ tx, actor: p.actor, who: p.who, today, modules: ctx.modules });
    const system = (who: Who): Context => ({ tx, who, today, modules: ctx.modules });
    const office = people.vanphong;
    const caseIds = new Map<string, string>();
    const refs: Refs = {
      unit,
      user: (u) => people[u].actor.userId,
      case: (key) => {
        const id = caseIds.get(key);
        if (!id) throw new Error(`demo case ${key} missing`);
        return id;
      },
    };
    const stamps = new Map<string, number>();
    /** Event time stamps: office hours of the event's day, in the order the steps were taken. */
    const stamp = async (caseId: string) => {
      const n = (stamps.get(caseId) ?? 0) + 1;
      stamps.set(caseId, n);
      await tx.execute(
        sql`update case_events set "at" = (("on"::timestamp + interval '7 hours 40 minutes' + ${n * 9} * interval '1 minute' + case when type = 'received' then interval '0 minutes' else interval '3 minutes' end) at time zone 'Asia/Ho_Chi_Minh') where case_id = ${caseId} and "at" = now()`,
      );
    };
    const fail = (what: string, e: unknown): never => {
      const detail =
        e instanceof Error
          ? `${e.message} ${JSON.stringify((e as { params?: unknown; fields?: unknown }).fields ?? (e as { params?: unknown }).params ?? '')}`
          : String(e);
      throw new Error(`demo ${what}: ${detail}`);
    };

    // 1. Reception schedule.
    const sessionByDate = new Map<string, string>();
    // The December 2026 sessions are published "now"; a later seed still publishes them before their date.
    const publishOn = (p: string) => (p !== 'today' ? p : compareIsoDates(today, '2026-11-30') <= 0 ? today : '2026-11-30');
    for (const s of [...HEAD_SESSIONS, ...OFFICER_SESSIONS].sort((a, b) => compareIsoDates(a.date, b.date))) {
      const input = {
        date: s.date,
        startTime: s.startTime ?? '07:30',
        endTime: s.endTime ?? '11:30',
        hostKind: s.hostKind,
        hostId: people[s.host].actor.userId,
        mode: s.online ? ('online' as const) : ('in_person' as const),
        place: s.online?.place ?? PLACE,
        bridgePoints: s.online?.bridgePoints ?? null,
        attendees: s.hostKind === 'head' ? HEAD_ATTENDEES : 'Công chức Văn phòng Sở làm nhiệm vụ tiếp công dân thường xuyên',
        topics: s.topics ?? null,
        adhoc: false,
      };
      try {
        let r = await createSession(as(office), input);
        if (onOrBefore(publishOn(s.publish)))
          r = await sessionAction(as(office), r.id, { action: 'publish', version: r.version, on: publishOn(s.publish) });
        if (s.cancel) {
          await sessionAction(as(office), r.id, { action: 'cancel', version: r.version, reason: s.cancel });
          continue;
        }
        if (s.postpone) {
          await sessionAction(as(office), r.id, {
            action: 'postpone',
            version: r.version,
            newDate: s.postpone.newDate,
            reason: s.postpone.reason,
          });
          const [moved] = await tx.select().from(receptionSessions).where(eq(receptionSessions.date, s.postpone.newDate));
          let m = moved!;
          if (onOrBefore(s.postpone.publish))
            m = {
              ...m,
              version: (await sessionAction(as(office), m.id, { action: 'publish', version: m.version, on: s.postpone.publish })).version,
            };
          if (onOrBefore(m.date)) await sessionAction(as(office), m.id, { action: 'held', version: m.version });
          sessionByDate.set(m.date, m.id);
          continue;
        }
        if (onOrBefore(s.date)) await sessionAction(as(office), r.id, { action: 'held', version: r.version });
        sessionByDate.set(s.date, r.id);
      } catch (e) {
        fail(`session ${s.date}`, e);
      }
    }

    // 2. Intake, in the order things arrived (register numbers and case codes follow the dates).
    type Timed = { on: string; caseKey: string; order: number; step: Step };
    const timeline: Timed[] = [];
    let order = 0;
    const plan = (key: string, steps: Step[]) => {
      for (const step of steps) timeline.push({ on: step.on, caseKey: key, order: order++, step });
    };
    const intake = (spec: CaseSpec, extra: { receptionEntryId?: string } = {}) =>
      ZCaseIntake.parse({
        kind: spec.kind,
        channel: spec.channel,
        receivedOn: spec.receivedOn,
        subject: spec.subject,
        content: spec.content,
        sourceBody: spec.sourceBody ?? null,
        knowledgeOn: spec.knowledgeOn ?? null,
        obstacleFrom: spec.obstacle?.[0] ?? null,
        obstacleTo: spec.obstacle?.[1] ?? null,
        firstInstanceCaseId: spec.firstInstance ? refs.case(spec.firstInstance) : null,
        anonymous: spec.anonymous ?? false,
        remote: spec.remote ?? false,
        aboutRegulation: spec.aboutRegulation ?? false,
        parties: spec.parties ?? [],
        receptionEntryId: extra.receptionEntryId ?? null,
      });
    const arrivals: ({ on: string; entry: EntrySpec } | { on: string; spec: CaseSpec })[] = [
      ...ENTRIES.map((entry) => ({ on: entry.on, entry })),
      ...CASES.map((spec) => ({ on: spec.receivedOn, spec })),
    ].sort((a, b) => compareIsoDates(a.on, b.on));
    const replies: { id: string; officer: Staff; reply: NonNullable<EntrySpec['reply']> }[] = [];
    // Steps run in date order between arrivals, so that each intake sees the state of its day
    // (a second complaint needs the first decision already taken, Law 02/2011 Art. 33).
    const done = new Set<number>();
    const runStepsBefore = async (limit: string | null) => {
      timeline.sort((a, b) => compareIsoDates(a.on, b.on) || a.order - b.order);
      for (const t of timeline) {
        if (done.has(t.order) || !onOrBefore(t.on)) continue;
        if (limit && compareIsoDates(t.on, limit) >= 0) break;
        done.add(t.order);
        const id = refs.case(t.caseKey);
        const body = typeof t.step.body === 'function' ? t.step.body(refs) : t.step.body;
        const p = people[t.step.by];
        try {
          const [row] = await tx.select({ version: cases.version }).from(cases).where(eq(cases.id, id));
          await act(as(p), id, { ...body, version: row!.version } as TCaseAction);
          await stamp(id);
        } catch (e) {
          fail(`case ${t.caseKey} ${body.action} on ${body.on}`, e);
        }
      }
    };
    for (const item of arrivals) {
      if (!onOrBefore(item.on)) continue;
      await runStepsBefore(item.on);
      if ('spec' in item) {
        const spec = item.spec;
        try {
          const by = spec.channel === 'portal' ? system(portalWho) : as(office);
          const c = await createCase(by, intake(spec), { trackingCode: true });
          caseIds.set(spec.key, c.id);
          await stamp(c.id);
          plan(spec.key, spec.steps);
        } catch (e) {
          fail(`case ${spec.key}`, e);
        }
        continue;
      }
      const e = item.entry;
      const officer = people[e.officer];
      try {
        const parts = e.parts;
        const entry = await createEntry(as(officer), {
          sessionId: e.walkIn ? null : (sessionByDate.get(e.on) ?? null),
          receivedOn: e.on,
          visitors: e.visitors,
          groupSize: e.groupSize ?? e.visitors.length,
          content: e.content,
          priorHandling: e.priorHandling ?? null,
          request: e.request ?? null,
          handling: e.handling ?? null,
          documentsReceived: e.documentsReceived ?? null,
          signed: true,
          parts: parts.map((p) => ({
            kind: p.kind,
            subject: p.subject,
            content: p.content,
            knowledgeOn: p.knowledgeOn ?? null,
            firstInstanceCaseId: p.firstInstance ? refs.case(p.firstInstance) : null,
          })),
          remote: e.remote ?? false,
        });
        for (const p of parts) {
          const c = entry.cases.find((x) => x.kind === p.kind)!;
          caseIds.set(p.key, c.id);
          await stamp(c.id);
          plan(p.key, p.steps);
        }
        if (e.reply) replies.push({ id: entry.id, officer: e.officer, reply: e.reply });
      } catch (err) {
        fail(`register entry ${e.on}`, err);
      }
    }

    // 3. The steps after the last arrival.
    await runStepsBefore(null);

    // 4. Replies to the visitors.
    for (const r of replies) {
      if (!onOrBefore(r.reply.on)) continue;
      const p = people[r.officer];
      const [row] = await tx.select({ version: receptionEntries.version }).from(receptionEntries).where(eq(receptionEntries.id, r.id));
      try {
        await replyEntry(as(p), r.id, { version: row!.version, on: r.reply.on, outcome: r.reply.outcome, note: r.reply.note ?? null });
      } catch (e) {
        fail(`reply ${r.reply.on}`, e);
      }
    }

    // 5. Assignment notifications: dated when the case was assigned; read unless the case is open and recent.
    await tx.execute(sql`
      update notifications n set
        created_at = ev.at,
        read_at = case when c.status in ('received', 'accepted', 'suspended') and ev.on >= ${today}::date - 30 then null else ev.at + interval '2 hours' end
      from cases c
      join lateral (select max(e."at") as at, max(e."on") as on from case_events e where e.case_id = c.id and e.type = 'assigned') ev on true
      where n.kind = 'case.assigned' and n.created_at = now() and n.link = '/cases/' || c.id::text and ev.at is not null`);

    // 6. Today's reminders (due soon, overdue), as the daily job would send them.
    await refreshAllOpen(system({ tenantId: ctx.tenantId, userId: null, name: 'Hệ thống (theo dõi thời hạn)' }));
  });
}
