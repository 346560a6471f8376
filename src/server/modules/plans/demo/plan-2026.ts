/**
 * The demo agency's plan for the current demo year, 2026: what the Office drafted after the 2021
 * seed once Law 10/2022/QH15 (in force 01/07/2023) and Decree 59/2023/NĐ-CP replaced the Decree
 * 04/2015 regime the seed cites. The other modules' demos (the 2026 staff conference, the board's
 * 2025–2027 term, the 2026 SIPAS survey, the consultation on the 2027 plan) are the work these
 * tasks ask for, so a leader opening the dashboard in late 2026 sees this year's progress and not
 * the seed's five-year-old one.
 *
 * Written for the demo (not a restored document): the structure and wording follow the 2021 plan
 * and the headings a Sở's plan uses under Law 10/2022 Chapter III.
 */
import type { DemoProgress, DemoTask, PlanSeed } from './plan-2021';

/** Units that send the 6-month and annual reports of III.2 through the Office. */
const REPORTING_UNITS = ['KHTC', 'QLKH', 'QLCN', 'QLCNg', 'TTra', 'CCTDC', 'TTUD', 'TTKT'] as const;

export const PLAN_2026 = {
  issuerParent: 'UBND TỈNH QUẢNG NGÃI',
  issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  // Numbered by the văn thư from the register of outgoing documents when the demo seeds it.
  numberSymbol: null as string | null,
  place: 'Quảng Ngãi',
  signedOn: '2026-01-20',
  documentType: 'KẾ HOẠCH',
  summary: 'Thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm 2026',
  preamble: [
    'Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022 và Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở;',
    'Thực hiện Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị về tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả việc xây dựng và thực hiện Quy chế dân chủ ở cơ sở;',
    'Thực hiện Kế hoạch của UBND tỉnh về thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm 2026;',
    'Sở Khoa học và Công nghệ xây dựng Kế hoạch thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm 2026, cụ thể như sau:',
  ].join('\n'),
  citations: ['10/2022/QH15', '59/2023/NĐ-CP', '120-KL/TW', '136/2025/QH15', '1856-QĐ/TU'],
  sections: [
    {
      numeral: 'I',
      title: 'MỤC ĐÍCH, YÊU CẦU',
      items: [
        {
          number: 1,
          text: 'Thực hiện đầy đủ, đúng quy định Luật Thực hiện dân chủ ở cơ sở trong cơ quan; phát huy quyền làm chủ của cán bộ, công chức, viên chức, người lao động theo phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.',
        },
        {
          number: 2,
          text: 'Nâng cao chất lượng công tác dân vận chính quyền gắn với cải cách hành chính, nâng cao chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan.',
        },
        {
          number: 3,
          text: 'Các nhiệm vụ được phân công cụ thể cho từng đơn vị, có thời hạn và sản phẩm; định kỳ đánh giá, báo cáo kết quả thực hiện.',
        },
      ],
    },
    {
      numeral: 'II',
      title: 'NHIỆM VỤ, GIẢI PHÁP',
      items: [
        {
          number: 1,
          text: 'Quán triệt, tuyên truyền Luật Thực hiện dân chủ ở cơ sở, Nghị định số 59/2023/NĐ-CP và các văn bản của Trung ương, của tỉnh về công tác dân vận đến toàn thể cán bộ, công chức, viên chức, người lao động.',
        },
        {
          number: 2,
          text: 'Công khai thông tin theo Điều 46 Luật Thực hiện dân chủ ở cơ sở bằng các hình thức quy định tại Điều 47; không để niêm yết văn bản đã hết hiệu lực.',
        },
        {
          number: 3,
          text: 'Tổ chức Hội nghị cán bộ, công chức, viên chức, người lao động năm 2026; lấy ý kiến cán bộ, công chức, viên chức về các nội dung quy định tại Điều 53 của Luật trước khi người đứng đầu quyết định.',
        },
        {
          number: 4,
          text: 'Phát huy vai trò của Ban Thanh tra nhân dân trong kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở; người đứng đầu xem xét, trả lời kiến nghị của Ban đúng thời hạn.',
        },
        {
          number: 5,
          text: 'Thực hiện tốt công tác tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh; nắm chắc tình hình, dự báo khiếu nại, tố cáo trong các thời điểm nhạy cảm.',
        },
        {
          number: 6,
          text: 'Đẩy mạnh cải cách hành chính, chuyển đổi số; khảo sát, đo lường sự hài lòng của người dân, tổ chức (SIPAS) đối với dịch vụ hành chính công của Sở.',
        },
        {
          number: 7,
          text: 'Đăng ký, xây dựng và nhân rộng mô hình, điển hình “Dân vận khéo” gắn với nhiệm vụ chuyên môn của từng đơn vị.',
        },
        {
          number: 8,
          text: 'Phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội trong giám sát, phản biện xã hội; tiếp thu, phản hồi ý kiến, kiến nghị.',
        },
        {
          number: 9,
          text: 'Bồi dưỡng kỹ năng dân vận, tiếp công dân, đối thoại cho công chức, viên chức thường xuyên tiếp xúc với tổ chức và công dân.',
        },
      ],
    },
    {
      numeral: 'III',
      title: 'TỔ CHỨC THỰC HIỆN',
      items: [
        {
          number: 1,
          text: 'Văn phòng Sở là cơ quan thường trực, tham mưu Giám đốc Sở theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch.',
        },
        {
          number: 2,
          text: 'Thủ trưởng các đơn vị thuộc Sở xây dựng kế hoạch của đơn vị, tổ chức thực hiện và báo cáo kết quả 6 tháng trước ngày 10/6/2026, báo cáo năm trước ngày 10/11/2026 về Sở (qua Văn phòng Sở).',
        },
      ],
    },
  ],
  closing: 'Trên đây là Kế hoạch thực hiện dân chủ ở cơ sở và công tác dân vận chính quyền năm 2026 của Sở Khoa học và Công nghệ.',
  signer: { mode: 'KT.', authorityTitle: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Đức Thắng' },
  recipients: [
    { name: 'UBND tỉnh', role: 'báo cáo' },
    { name: 'Ban Dân vận Tỉnh ủy', role: 'báo cáo' },
    { name: 'Giám đốc, các Phó Giám đốc Sở', role: null },
    { name: 'Công đoàn cơ sở Sở', role: 'phối hợp' },
    { name: 'Ban Thanh tra nhân dân Sở', role: 'phối hợp' },
    { name: 'Các đơn vị thuộc Sở', role: 'thực hiện' },
  ],
  archive: 'VT, VP.',
  deadlines: [
    {
      section: 'III',
      item: 2,
      date: '2026-06-10',
      text: 'báo cáo 6 tháng trước ngày 10/6/2026',
      responsible: 'Thủ trưởng các đơn vị thuộc Sở',
    },
    {
      section: 'III',
      item: 2,
      date: '2026-11-10',
      text: 'báo cáo năm trước ngày 10/11/2026',
      responsible: 'Thủ trưởng các đơn vị thuộc Sở',
    },
  ],
  signatureTimestamps: [],
} as const satisfies PlanSeed;

export const TASKS_2026: readonly DemoTask[] = [
  // 0
  {
    section: 'II',
    item: 1,
    title: 'Hội nghị quán triệt Luật Thực hiện dân chủ ở cơ sở và Kế hoạch năm 2026 cho toàn thể công chức, viên chức',
    leadUnit: 'VP',
    coUnits: ['CD'],
    deadline: '2026-03-31',
    recurrence: null,
    evidence: 'Thông báo, biên bản hội nghị quán triệt và danh sách tham dự',
  },
  // 1
  {
    section: 'II',
    item: 2,
    title: 'Rà soát bảng tin và chuyên mục công khai trên Trang thông tin điện tử Sở, gỡ các văn bản đã hết hiệu lực',
    leadUnit: 'VP',
    coUnits: ['TTKT'],
    deadline: '2026-06-30',
    recurrence: null,
    evidence: 'Danh mục nội dung công khai sau rà soát; ảnh chụp bảng tin',
  },
  // 2
  {
    section: 'II',
    item: 3,
    title: 'Tổ chức Hội nghị cán bộ, công chức, viên chức, người lao động năm 2026',
    leadUnit: 'VP',
    coUnits: ['CD', 'LD'],
    deadline: '2026-03-31',
    recurrence: null,
    evidence: 'Nghị quyết và biên bản Hội nghị',
  },
  // 3
  {
    section: 'II',
    item: 3,
    title: 'Lấy ý kiến cán bộ, công chức, viên chức về dự thảo Quy chế thực hiện dân chủ của Sở (sửa đổi)',
    leadUnit: 'VP',
    coUnits: ['CD'],
    deadline: '2026-12-31',
    recurrence: null,
    evidence: 'Báo cáo tổng hợp, giải trình ý kiến và Quy chế được ban hành',
  },
  // 4
  {
    section: 'II',
    item: 4,
    title: 'Trả lời kiến nghị của Ban Thanh tra nhân dân về bố trí phòng tiếp công dân',
    leadUnit: 'LD',
    coUnits: ['VP'],
    deadline: '2026-12-21',
    recurrence: null,
    evidence: 'Văn bản trả lời của Giám đốc Sở',
  },
  // 5
  {
    section: 'II',
    item: 5,
    title: 'Xây dựng và công khai lịch tiếp công dân định kỳ của lãnh đạo Sở',
    leadUnit: 'VP',
    coUnits: ['TTra'],
    deadline: '2026-01-31',
    recurrence: null,
    evidence: 'Thông báo lịch tiếp công dân',
  },
  // 6
  {
    section: 'II',
    item: 5,
    title: 'Báo cáo dự báo tình hình khiếu nại, tố cáo trong thời gian bầu cử đại biểu Quốc hội và HĐND các cấp',
    leadUnit: 'TTra',
    coUnits: [],
    deadline: '2026-02-28',
    recurrence: null,
    evidence: 'Báo cáo dự báo gửi Thanh tra tỉnh',
  },
  // 7
  {
    section: 'II',
    item: 6,
    title: 'Khảo sát sự hài lòng (SIPAS) đối với dịch vụ hành chính công của Sở năm 2026',
    leadUnit: 'VP',
    coUnits: ['CCTDC', 'QLCN'],
    deadline: '2026-11-30',
    recurrence: null,
    evidence: 'Báo cáo kết quả khảo sát và chỉ số hài lòng',
  },
  // 8
  {
    section: 'II',
    item: 7,
    title: 'Đăng ký mô hình “Dân vận khéo” năm 2026 của các đơn vị',
    leadUnit: 'VP',
    coUnits: ['QLKH', 'CCTDC', 'TTUD'],
    deadline: '2026-04-30',
    recurrence: null,
    evidence: 'Danh sách mô hình đăng ký',
  },
  // 9
  {
    section: 'II',
    item: 8,
    title: 'Phối hợp Ủy ban MTTQ Việt Nam tỉnh giám sát việc tiếp công dân tại Sở; trả lời kiến nghị sau giám sát',
    leadUnit: 'VP',
    coUnits: ['TTra'],
    deadline: '2026-10-31',
    recurrence: null,
    evidence: 'Văn bản trả lời kiến nghị của Ủy ban MTTQ Việt Nam tỉnh',
  },
  // 10
  {
    section: 'II',
    item: 9,
    title: 'Lớp bồi dưỡng kỹ năng tiếp công dân, đối thoại cho công chức bộ phận một cửa',
    leadUnit: 'VP',
    coUnits: ['TTra'],
    deadline: '2026-09-30',
    recurrence: null,
    evidence: 'Quyết định mở lớp, danh sách học viên',
  },
  // 11
  {
    section: 'III',
    item: 2,
    title: 'Báo cáo 6 tháng và báo cáo năm kết quả thực hiện dân chủ ở cơ sở',
    leadUnit: 'VP',
    coUnits: REPORTING_UNITS,
    deadline: '2026-11-10',
    recurrence: null,
    evidence: 'Báo cáo của các đơn vị và báo cáo tổng hợp của Sở',
  },
];

/** Progress over 2026, in date order. Tasks 1 and 10 are overdue with work still open. */
export const PROGRESS_2026: readonly DemoProgress[] = [
  {
    taskIndex: 5,
    on: '2026-01-19',
    unit: 'VP',
    percent: 100,
    status: 'done',
    note: 'Đã ban hành và niêm yết Thông báo lịch tiếp công dân định kỳ năm 2026 của lãnh đạo Sở.',
  },
  {
    taskIndex: 2,
    on: '2026-02-06',
    unit: 'VP',
    percent: 100,
    status: 'done',
    note: 'Đã tổ chức Hội nghị cán bộ, công chức, viên chức, người lao động năm 2026; Hội nghị thông qua Nghị quyết và bầu Ban Thanh tra nhân dân.',
    evidence: 'Nghi-quyet-Hoi-nghi-CBCCVC-2026.pdf',
  },
  {
    taskIndex: 6,
    on: '2026-02-25',
    unit: 'TTra',
    percent: 100,
    status: 'done',
    note: 'Đã gửi Thanh tra tỉnh báo cáo dự báo tình hình khiếu nại, tố cáo trong thời gian bầu cử.',
  },
  {
    taskIndex: 0,
    on: '2026-03-20',
    unit: 'VP',
    percent: 100,
    status: 'done',
    note: 'Đã tổ chức hội nghị quán triệt tại hội trường Sở, 86/98 công chức, viên chức tham dự; tài liệu đăng trên hệ thống nội bộ.',
    evidence: 'Bien-ban-quan-triet-2026.pdf',
  },
  {
    taskIndex: 8,
    on: '2026-04-24',
    unit: 'VP',
    percent: 100,
    status: 'done',
    note: 'Ba đơn vị đăng ký mô hình “Dân vận khéo” năm 2026; Văn phòng đã tổng hợp danh sách.',
  },
  {
    taskIndex: 1,
    on: '2026-05-15',
    unit: 'VP',
    percent: 40,
    status: 'in_progress',
    note: 'Đã rà soát bảng tin tại trụ sở; chuyên mục công khai trên Trang thông tin điện tử đang chờ Trung tâm kỹ thuật cập nhật.',
  },
  {
    taskIndex: 11,
    on: '2026-06-12',
    unit: 'VP',
    percent: 50,
    status: 'in_progress',
    note: 'Đã tổng hợp báo cáo 6 tháng của 8/8 đơn vị và gửi UBND tỉnh.',
  },
  {
    taskIndex: 10,
    on: '2026-08-28',
    unit: 'VP',
    percent: 30,
    status: 'in_progress',
    note: 'Đã xây dựng chương trình lớp bồi dưỡng; đang mời giảng viên Trường Chính trị tỉnh.',
  },
  {
    taskIndex: 9,
    on: '2026-10-27',
    unit: 'VP',
    percent: 100,
    status: 'done',
    note: 'Đã có văn bản trả lời kiến nghị của Ủy ban MTTQ Việt Nam tỉnh sau đợt giám sát việc tiếp công dân.',
  },
  {
    taskIndex: 7,
    on: '2026-11-27',
    unit: 'VP',
    percent: 100,
    status: 'done',
    note: 'Đã hoàn thành khảo sát SIPAS năm 2026 (phiếu trực tuyến qua mã QR và phiếu giấy); kết quả chỉ số hài lòng theo từng dịch vụ đã báo cáo Giám đốc Sở.',
  },
  {
    taskIndex: 3,
    on: '2026-12-02',
    unit: 'VP',
    percent: 30,
    status: 'in_progress',
    note: 'Đã đăng dự thảo Quy chế thực hiện dân chủ (sửa đổi) để lấy ý kiến đến hết ngày 17/12/2026.',
  },
];
