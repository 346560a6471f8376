/** Error codes of the `inspection` module, each citing the rule it enforces. */
import type { ErrorCatalogue } from '../../platform/errors';

export const INSPECTION_ERRORS = {
  INSPECTION_NO_BOARD: {
    status: 409,
    vi: 'Cơ quan có từ 07 cán bộ trở xuống không thành lập Ban Thanh tra nhân dân, trừ khi công đoàn cấp trên quyết định (Luật 10/2022/QH15, Điều 60 khoản 1)',
    en: "An agency with 7 staff or fewer has no People's Inspection Board unless the upper-level union decides so (Law 10/2022 Art. 60(1))",
  },
  INSPECTION_NO_TERM: {
    status: 409,
    vi: 'Chưa có nhiệm kỳ Ban Thanh tra nhân dân; hãy ghi nhận kết quả bầu tại hội nghị cán bộ, công chức, viên chức trước',
    en: "No People's Inspection Board term yet: record the staff conference's election first",
  },
  INSPECTION_WRONG_STATE: {
    status: 409,
    vi: 'Thao tác không phù hợp với trạng thái hiện tại',
    en: 'This action does not fit the current state',
  },
  INSPECTION_NOT_NOTIFIED: {
    status: 409,
    vi: 'Chưa thông báo cho đối tượng kiểm tra, giám sát; phải thông báo ít nhất 05 ngày làm việc trước khi tiến hành (Nghị định 59/2023/NĐ-CP, Điều 22)',
    en: 'The subject has not been notified; notice is due at least 5 working days before the activity (Decree 59/2023 Art. 22)',
  },
} satisfies ErrorCatalogue;
