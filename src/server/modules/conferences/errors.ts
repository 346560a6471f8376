/** Error codes of the `conferences` module, in Vietnamese and English. */
import type { ErrorCatalogue } from '../../platform/errors';

export const CONFERENCE_ERRORS = {
  CONFERENCE_ANNUAL_EXISTS: {
    status: 409,
    vi: 'Năm {year} đã có hội nghị thường niên (mỗi năm một lần, Điều 51 Luật 10/2022/QH15); hãy tạo hội nghị bất thường',
    en: 'Year {year} already has its annual conference (once a year, Law 10/2022 Art. 51); create an extraordinary session',
  },
  CONFERENCE_NO_QUORUM: {
    status: 409,
    vi: 'Hội nghị chưa đủ số người dự (ít nhất 2/3 số được triệu tập, Điều 51 khoản 3) nên không biểu quyết được',
    en: 'The conference has no quorum (at least 2/3 of those convened, Art. 51(3)): no vote can be taken',
  },
  CONFERENCE_ADOPTED: {
    status: 409,
    vi: 'Nghị quyết hội nghị đã được thông qua; không sửa được kết quả hội nghị',
    en: 'The resolution is adopted; the conference record can no longer change',
  },
  CONFERENCE_NOT_ADOPTED: {
    status: 409,
    vi: 'Hội nghị chưa thông qua nghị quyết',
    en: 'The conference has not adopted its resolution yet',
  },
  CONFERENCE_ELECTION_RECORDED: {
    status: 409,
    vi: 'Kết quả bầu Ban Thanh tra nhân dân của hội nghị này đã được ghi nhận và chuyển sang nhiệm kỳ của Ban; thay đổi thành viên do công đoàn thực hiện (Luật 10/2022/QH15, Điều 60 khoản 3)',
    en: "This conference's Inspection Board election is recorded and opened the board's term; the union handles member changes (Law 10/2022 Art. 60(3))",
  },
  CONSULTATION_NOT_OPEN: {
    status: 409,
    vi: 'Không trong thời gian lấy ý kiến ({opensOn} – {closesOn})',
    en: 'Outside the consultation period ({opensOn} – {closesOn})',
  },
  CONSULTATION_NOT_CONSULTED: {
    status: 403,
    vi: 'Bạn không thuộc đối tượng được lấy ý kiến về nội dung này',
    en: 'You are not among those consulted on this matter',
  },
  CONSULTATION_AWAITING: {
    status: 409,
    vi: 'Còn {count} người được lấy ý kiến chưa góp ý; chỉ kết thúc sớm khi mọi người đã góp ý, nếu không thì chờ đến hạn (Điều 55 Luật 10/2022/QH15)',
    en: '{count} of those consulted have not answered; a consultation ends early only once everyone has, otherwise at its closing date (Law 10/2022 Art. 55)',
  },
  CONSULTATION_UNCLASSIFIED: {
    status: 409,
    vi: 'Còn {count} ý kiến chưa được tổng hợp (tiếp thu / tiếp thu một phần / không tiếp thu)',
    en: '{count} comments are not yet classified (accepted / partly / not accepted)',
  },
  CONSULTATION_EXPLAINED: {
    status: 409,
    vi: 'Đã công khai giải trình; không thay đổi được ý kiến và kết quả tổng hợp',
    en: 'The explanation is published; comments and their outcomes can no longer change',
  },
  CONSULTATION_NOT_EXPLAINED: {
    status: 409,
    vi: 'Chưa công khai giải trình việc tiếp thu ý kiến nên chưa ban hành được (Điều 55 Luật 10/2022/QH15)',
    en: 'The explanation of the comments is not published yet, so the regulation cannot be issued (Law 10/2022 Art. 55)',
  },
  REGULATION_ISSUED: {
    status: 409,
    vi: 'Quy chế đã được ban hành từ đợt lấy ý kiến này; sửa đổi thì lấy ý kiến đợt mới',
    en: 'The regulation was already issued from this consultation; an amendment needs a new consultation',
  },
} satisfies ErrorCatalogue;
