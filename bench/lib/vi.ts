/**
 * Vietnamese vocabulary of the province generator: agencies of a province (Quảng Ngãi, the
 * demo's), people's names, places, and the topics citizens write about, with diacritics (NFC).
 * Invented people and addresses; the agencies and communes are named in the provincial style.
 */
import type { Rand } from './rand';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Hoàng',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trương',
  'Đoàn',
  'Lương',
  'Đinh',
];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quốc', 'Công', 'Hữu', 'Thanh', 'Ngọc', 'Tấn', 'Xuân'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Kim', 'Mỹ', 'Thị Kim', 'Thị Thu'];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Khánh',
  'Long',
  'Nam',
  'Phúc',
  'Quang',
  'Sơn',
  'Tài',
  'Thắng',
  'Trung',
  'Tuấn',
  'Vinh',
  'Hiếu',
  'Lộc',
  'Toàn',
  'Đạt',
  'Định',
];
const GIVEN_F = [
  'Anh',
  'Châu',
  'Dung',
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Nga',
  'Nhung',
  'Oanh',
  'Phượng',
  'Quyên',
  'Thảo',
  'Trang',
  'Tuyết',
  'Vân',
  'Yến',
];

export function personName(r: Rand): { name: string; title: 'Ông' | 'Bà' } {
  const male = r.chance(0.55);
  const name = male
    ? `${r.pick(FAMILY)} ${r.pick(MIDDLE_M)} ${r.pick(GIVEN_M)}`
    : `${r.pick(FAMILY)} ${r.pick(MIDDLE_F)} ${r.pick(GIVEN_F)}`;
  return { name, title: male ? 'Ông' : 'Bà' };
}

/** Districts of the province and the prefix their communes' names share. */
export const DISTRICTS: readonly { name: string; kind: 'huyện' | 'thị xã' | 'thành phố'; prefix: string }[] = [
  { name: 'Bình Sơn', kind: 'huyện', prefix: 'Bình' },
  { name: 'Sơn Tịnh', kind: 'huyện', prefix: 'Tịnh' },
  { name: 'Tư Nghĩa', kind: 'huyện', prefix: 'Nghĩa' },
  { name: 'Nghĩa Hành', kind: 'huyện', prefix: 'Hành' },
  { name: 'Mộ Đức', kind: 'huyện', prefix: 'Đức' },
  { name: 'Đức Phổ', kind: 'thị xã', prefix: 'Phổ' },
  { name: 'Sơn Hà', kind: 'huyện', prefix: 'Sơn' },
  { name: 'Trà Bồng', kind: 'huyện', prefix: 'Trà' },
  { name: 'Ba Tơ', kind: 'huyện', prefix: 'Ba' },
  { name: 'Minh Long', kind: 'huyện', prefix: 'Long' },
  { name: 'Sơn Tây', kind: 'huyện', prefix: 'Sơn' },
  { name: 'Lý Sơn', kind: 'huyện', prefix: 'An' },
  { name: 'Quảng Ngãi', kind: 'thành phố', prefix: 'Nghĩa' },
];
const COMMUNE_SUFFIX = [
  'Châu',
  'Thạnh',
  'Trị',
  'Khê',
  'Hòa',
  'An',
  'Phú',
  'Thuận',
  'Minh',
  'Hiệp',
  'Lợi',
  'Nhuận',
  'Hải',
  'Thanh',
  'Tân',
  'Kỳ',
  'Lâm',
  'Thủy',
  'Phong',
  'Dũng',
];
const HAMLETS = [
  'An Phú',
  'Phước Hòa',
  'Tân Mỹ',
  'Long Bàn',
  'Đông Hòa',
  'Thạch By',
  'Vạn Tường',
  'Mỹ Lai',
  'Hiển Văn',
  'Phú Lộc',
  'Trà Khúc',
  'Gò Dưa',
  'Xuân Yên',
  'Hòa Vinh',
  'Tây Phước',
];

export function commune(r: Rand): { commune: string; district: string } {
  const d = r.pick(DISTRICTS);
  return { commune: `xã ${d.prefix} ${r.pick(COMMUNE_SUFFIX)}`, district: `${d.kind} ${d.name}` };
}

export function address(r: Rand): string {
  const c = commune(r);
  return r.chance(0.6)
    ? `thôn ${r.pick(HAMLETS)}, ${c.commune}, ${c.district}, tỉnh Quảng Ngãi`
    : `tổ dân phố ${r.int(1, 12)}, ${c.commune.replace('xã', 'phường')}, ${c.district}, tỉnh Quảng Ngãi`;
}

export function phone(r: Rand): string {
  return `0${r.pick(['905', '935', '988', '914', '977', '382', '355'])}${String(r.int(0, 999999)).padStart(6, '0')}`;
}

export function idNumber(r: Rand): string {
  return `051${r.int(0, 1)}${String(r.int(0, 99999999)).padStart(8, '0')}`;
}

/** The 199 agencies of the province besides the demo: departments, districts, communes. */
export function provinceAgencies(count: number): { code: string; name: string; parentName: string; place: string; abbr: string }[] {
  const out: { code: string; name: string; parentName: string; place: string; abbr: string }[] = [];
  const departments: [string, string][] = [
    ['Sở Nông nghiệp và Môi trường', 'SNNMT'],
    ['Sở Xây dựng', 'SXD'],
    ['Sở Tư pháp', 'STP'],
    ['Sở Y tế', 'SYT'],
    ['Sở Giáo dục và Đào tạo', 'SGDĐT'],
    ['Sở Tài chính', 'STC'],
    ['Sở Nội vụ', 'SNV'],
    ['Sở Công Thương', 'SCT'],
    ['Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL'],
    ['Sở Dân tộc và Tôn giáo', 'SDTTG'],
    ['Sở Ngoại vụ', 'SNgV'],
    ['Thanh tra tỉnh', 'TTr'],
    ['Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi', 'BQLKKT'],
    ['Văn phòng Ủy ban nhân dân tỉnh', 'VPUBND'],
  ];
  for (const [name, abbr] of departments)
    out.push({
      code: '',
      name: `${name} tỉnh Quảng Ngãi`.replace('tỉnh tỉnh', 'tỉnh'),
      parentName: 'UBND tỉnh Quảng Ngãi',
      place: 'Quảng Ngãi',
      abbr,
    });
  for (const d of DISTRICTS) {
    out.push({ code: '', name: `Ủy ban nhân dân ${d.kind} ${d.name}`, parentName: 'UBND tỉnh Quảng Ngãi', place: d.name, abbr: 'UBND' });
  }
  outer: for (const suffix of COMMUNE_SUFFIX) {
    for (const d of DISTRICTS) {
      if (out.length >= count) break outer;
      const name = `${d.prefix} ${suffix}`;
      if (out.some((o) => o.name.endsWith(`xã ${name}`))) continue;
      out.push({ code: '', name: `Ủy ban nhân dân xã ${name}`, parentName: `UBND ${d.kind} ${d.name}`, place: name, abbr: 'UBND' });
    }
  }
  for (let i = out.length; i < count; i++) {
    out.push({
      code: '',
      name: `Ủy ban nhân dân phường số ${i}`,
      parentName: 'UBND thành phố Quảng Ngãi',
      place: 'Quảng Ngãi',
      abbr: 'UBND',
    });
  }
  return out.slice(0, count).map((a, i) => ({ ...a, code: `qng-${String(i + 1).padStart(3, '0')}` }));
}

/** One topic citizens write about: subject and content fragments per kind. */
export type Topic = {
  key: string;
  weight: number;
  /** Subjects: `{who}` the citizen, `{place}` a commune. */
  complaint: string[];
  denunciation: string[];
  petition: string[];
  feedback: string[];
  /** Details added to the content. */
  details: string[];
  requests: string[];
  outcomes: string[];
  forwardTo: string[];
};

export const TOPICS: readonly Topic[] = [
  {
    key: 'dat-dai',
    weight: 22,
    complaint: [
      'Khiếu nại quyết định thu hồi đất tại {place}',
      'Khiếu nại việc từ chối cấp giấy chứng nhận quyền sử dụng đất của hộ {who}',
      'Khiếu nại quyết định giải quyết tranh chấp đất đai tại {place}',
    ],
    denunciation: [
      'Tố cáo cán bộ địa chính {place} nhận tiền để hợp thức hóa đất lấn chiếm',
      'Tố cáo việc giao đất công ích trái quy định tại {place}',
    ],
    petition: [
      'Kiến nghị đo đạc lại ranh giới thửa đất của hộ {who} tại {place}',
      'Kiến nghị giải quyết hồ sơ đất đai tồn đọng tại {place}',
    ],
    feedback: [
      'Phản ánh tình trạng lấn chiếm đất công tại {place}',
      'Phản ánh chậm trễ trong cấp giấy chứng nhận quyền sử dụng đất tại {place}',
    ],
    details: [
      'Thửa đất số {n}, tờ bản đồ số {m}, diện tích {area} m², gia đình sử dụng ổn định từ năm {year}, không có tranh chấp.',
      'Hồ sơ đất đai nộp tại bộ phận một cửa từ tháng {month} nhưng đến nay chưa được giải quyết, không có văn bản trả lời.',
      'Hộ liền kề tự ý xây tường rào lấn sang khoảng {small} m², chính quyền địa phương đã hòa giải nhưng không thành.',
    ],
    requests: [
      'Đề nghị xem xét lại quyết định và cấp giấy chứng nhận theo đúng hiện trạng sử dụng.',
      'Đề nghị kiểm tra, xử lý dứt điểm việc lấn chiếm đất đai.',
    ],
    outcomes: [
      'Công nhận một phần nội dung khiếu nại; giao điều chỉnh hồ sơ địa chính',
      'Giữ nguyên quyết định thu hồi đất',
      'Đã đo đạc lại, cấp giấy chứng nhận cho hộ gia đình',
    ],
    forwardTo: ['Ủy ban nhân dân huyện có đất', 'Văn phòng Đăng ký đất đai tỉnh'],
  },
  {
    key: 'boi-thuong',
    weight: 14,
    complaint: [
      'Khiếu nại phương án bồi thường, hỗ trợ giải phóng mặt bằng dự án đường ven biển tại {place}',
      'Khiếu nại đơn giá bồi thường cây trồng, vật kiến trúc khi giải phóng mặt bằng tại {place}',
    ],
    denunciation: ['Tố cáo việc lập khống hồ sơ bồi thường giải phóng mặt bằng tại {place}'],
    petition: ['Kiến nghị bố trí tái định cư cho hộ {who} bị thu hồi đất ở tại {place}'],
    feedback: ['Phản ánh chậm chi trả tiền bồi thường giải phóng mặt bằng tại {place}'],
    details: [
      'Phần diện tích {area} m² đất ở bị thu hồi được áp giá đất nông nghiệp, thấp hơn nhiều so với giá thị trường.',
      'Nhà cấp 4 và giếng nước của gia đình không được kiểm đếm đầy đủ trong biên bản ngày {date}.',
      'Đã bàn giao mặt bằng từ tháng {month} nhưng chưa nhận được tiền hỗ trợ ổn định đời sống.',
    ],
    requests: ['Đề nghị kiểm đếm lại và bồi thường theo đúng giá đất cụ thể.', 'Đề nghị sớm bố trí lô đất tái định cư.'],
    outcomes: ['Điều chỉnh bổ sung phương án bồi thường', 'Không công nhận nội dung khiếu nại; đơn giá áp dụng đúng quy định'],
    forwardTo: ['Trung tâm Phát triển quỹ đất tỉnh', 'Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh'],
  },
  {
    key: 'moi-truong',
    weight: 10,
    complaint: ['Khiếu nại quyết định xử phạt vi phạm hành chính về bảo vệ môi trường của cơ sở tại {place}'],
    denunciation: [
      'Tố cáo cơ sở chế biến thủy sản xả nước thải chưa xử lý ra sông tại {place}',
      'Tố cáo hành vi khai thác cát trái phép trên sông Trà Khúc đoạn qua {place}',
    ],
    petition: ['Kiến nghị di dời trại chăn nuôi heo gây ô nhiễm ra khỏi khu dân cư {place}'],
    feedback: ['Phản ánh mùi hôi từ bãi rác tại {place}', 'Phản ánh khói bụi từ nhà máy gạch tuynel tại {place}'],
    details: [
      'Nước thải có màu đen, bốc mùi, cá chết hàng loạt vào các ngày {date}.',
      'Xe tải chở đất đá chạy suốt đêm, không che chắn, bụi bám kín nhà dân hai bên đường.',
      'Người dân đã phản ánh nhiều lần với chính quyền xã nhưng tình trạng vẫn tiếp diễn.',
    ],
    requests: [
      'Đề nghị kiểm tra, xử lý nghiêm và buộc khắc phục ô nhiễm môi trường.',
      'Đề nghị quan trắc chất lượng nước và công khai kết quả.',
    ],
    outcomes: ['Đã kiểm tra, xử phạt cơ sở và buộc khắc phục', 'Tố cáo đúng một phần; chuyển hồ sơ xử phạt'],
    forwardTo: ['Sở Nông nghiệp và Môi trường', 'Công an tỉnh (Phòng Cảnh sát môi trường)'],
  },
  {
    key: 'xay-dung',
    weight: 8,
    complaint: ['Khiếu nại quyết định cưỡng chế công trình xây dựng của hộ {who} tại {place}'],
    denunciation: ['Tố cáo cán bộ xã bao che công trình xây dựng trái phép tại {place}'],
    petition: ['Kiến nghị điều chỉnh quy hoạch chi tiết khu dân cư tại {place}'],
    feedback: ['Phản ánh công trình xây dựng không phép lấn hành lang an toàn giao thông tại {place}'],
    details: [
      'Công trình khởi công từ tháng {month}, cao {small} tầng, không treo biển báo thông tin giấy phép.',
      'Quy hoạch treo từ năm {year} khiến người dân không thể xây dựng, sửa chữa nhà ở.',
    ],
    requests: ['Đề nghị kiểm tra giấy phép xây dựng và xử lý theo quy định.', 'Đề nghị công bố rõ quy hoạch để người dân biết, thực hiện.'],
    outcomes: ['Đã lập biên bản, đình chỉ thi công công trình vi phạm', 'Quyết định cưỡng chế đúng quy định'],
    forwardTo: ['Sở Xây dựng', 'Thanh tra Sở Xây dựng'],
  },
  {
    key: 'chinh-sach',
    weight: 8,
    complaint: [
      'Khiếu nại việc cắt trợ cấp người có công với cách mạng của {who}',
      'Khiếu nại việc không xét hộ nghèo cho gia đình {who} tại {place}',
    ],
    denunciation: ['Tố cáo việc lập danh sách hộ nghèo không đúng đối tượng tại {place}'],
    petition: ['Kiến nghị xem xét chế độ thương binh cho ông {who}', 'Kiến nghị hỗ trợ nhà ở cho hộ nghèo tại {place}'],
    feedback: ['Phản ánh chậm chi trả trợ cấp xã hội hằng tháng tại {place}'],
    details: [
      'Gia đình có {small} người, thu nhập bình quân dưới chuẩn nghèo nhưng không được bình xét.',
      'Hồ sơ đề nghị đã gửi từ năm {year}, kèm giấy xác nhận của đơn vị cũ.',
    ],
    requests: ['Đề nghị xem xét lại và giải quyết chế độ theo quy định.'],
    outcomes: ['Đã xét bổ sung vào danh sách hộ nghèo', 'Chưa đủ điều kiện hưởng chế độ; hướng dẫn bổ sung hồ sơ'],
    forwardTo: ['Sở Nội vụ', 'Ủy ban nhân dân cấp huyện'],
  },
  {
    key: 'thu-tuc',
    weight: 9,
    complaint: ['Khiếu nại việc từ chối tiếp nhận hồ sơ thủ tục hành chính tại bộ phận một cửa {place}'],
    denunciation: [
      'Tố cáo công chức bộ phận một cửa {place} gây phiền hà, đòi tiền "bồi dưỡng"',
      'Tố cáo hành vi nhũng nhiễu của cán bộ {place} khi giải quyết hồ sơ',
    ],
    petition: ['Kiến nghị đơn giản hóa thủ tục chứng thực tại {place}', 'Kiến nghị mở rộng dịch vụ công trực tuyến toàn trình'],
    feedback: [
      'Phản ánh hồ sơ trễ hẹn trên hệ thống dịch vụ công tại {place}',
      'Phản ánh thái độ phục vụ của công chức tiếp nhận hồ sơ tại {place}',
    ],
    details: [
      'Hồ sơ số {n} nộp ngày {date}, phiếu hẹn trả kết quả đã quá hạn {small} ngày.',
      'Công chức yêu cầu nộp thêm giấy tờ không có trong thành phần hồ sơ đã công khai.',
    ],
    requests: [
      'Đề nghị giải quyết hồ sơ đúng hạn và xin lỗi người dân theo quy định.',
      'Đề nghị xử lý trách nhiệm người có hành vi nhũng nhiễu.',
    ],
    outcomes: ['Đã giải quyết hồ sơ và gửi thư xin lỗi', 'Tố cáo không đúng; công chức thực hiện đúng quy trình'],
    forwardTo: ['Trung tâm Phục vụ hành chính công tỉnh', 'Sở Nội vụ'],
  },
  {
    key: 'giao-thong',
    weight: 6,
    complaint: ['Khiếu nại quyết định xử phạt vi phạm giao thông đường thủy của chủ tàu {who}'],
    denunciation: ['Tố cáo nhà thầu thi công đường giao thông nông thôn tại {place} bớt xén vật tư'],
    petition: ['Kiến nghị sửa chữa tuyến đường liên xã xuống cấp tại {place}', 'Kiến nghị lắp đèn chiếu sáng đoạn đường qua {place}'],
    feedback: ['Phản ánh ổ gà, sạt lở trên tuyến đường tỉnh qua {place}', 'Phản ánh xe quá tải làm hư hỏng đường bê tông tại {place}'],
    details: [
      'Tuyến đường dài khoảng {small} km, mặt đường bong tróc, mùa mưa ngập sâu, học sinh đi lại rất khó khăn.',
      'Lớp bê tông dày chưa đến {small} cm, sau {small} tháng đã nứt vỡ.',
    ],
    requests: ['Đề nghị bố trí kinh phí sửa chữa trước mùa mưa bão.'],
    outcomes: ['Đã bố trí vốn sửa chữa trong kế hoạch năm', 'Đã kiểm tra, yêu cầu nhà thầu khắc phục'],
    forwardTo: ['Sở Xây dựng', 'Ủy ban nhân dân cấp huyện'],
  },
  {
    key: 'giao-duc-y-te',
    weight: 7,
    complaint: ['Khiếu nại kết quả xét tuyển viên chức giáo dục năm {year}'],
    denunciation: [
      'Tố cáo hiệu trưởng trường {place} lạm thu các khoản đầu năm học',
      'Tố cáo trạm y tế {place} kê khống thuốc bảo hiểm y tế',
    ],
    petition: ['Kiến nghị xây thêm phòng học cho điểm trường {place}', 'Kiến nghị bố trí bác sĩ cho trạm y tế {place}'],
    feedback: ['Phản ánh các khoản thu ngoài quy định tại trường tiểu học {place}', 'Phản ánh thái độ của nhân viên y tế tại {place}'],
    details: [
      'Mỗi học sinh phải nộp {money} đồng tiền "xã hội hóa" dù không có nghị quyết của Hội đồng nhân dân.',
      'Điểm trường có {small} lớp nhưng chỉ có hai phòng học tạm, mùa mưa dột nát.',
    ],
    requests: ['Đề nghị kiểm tra, yêu cầu hoàn trả các khoản thu sai.', 'Đề nghị quan tâm đầu tư cơ sở vật chất.'],
    outcomes: ['Đã yêu cầu hoàn trả khoản thu sai quy định', 'Kiến nghị đã được đưa vào kế hoạch đầu tư công trung hạn'],
    forwardTo: ['Sở Giáo dục và Đào tạo', 'Sở Y tế'],
  },
  {
    key: 'tai-chinh-xa',
    weight: 6,
    complaint: ['Khiếu nại việc thu hồi tiền hỗ trợ sản xuất nông nghiệp của hộ {who}'],
    denunciation: [
      'Tố cáo chủ tịch xã {place} sử dụng sai mục đích kinh phí xây dựng nông thôn mới',
      'Tố cáo kế toán xã {place} chiếm dụng tiền đóng góp của nhân dân',
    ],
    petition: ['Kiến nghị công khai thu chi quỹ phòng, chống thiên tai tại {place}'],
    feedback: ['Phản ánh việc huy động đóng góp làm đường không công khai tại {place}'],
    details: [
      'Khoản kinh phí {money} đồng được quyết toán nhưng công trình chưa thực hiện.',
      'Người dân không được họp bàn, biểu quyết mức đóng góp theo Luật Thực hiện dân chủ ở cơ sở.',
    ],
    requests: ['Đề nghị thanh tra việc quản lý, sử dụng ngân sách xã và công khai kết quả.'],
    outcomes: ['Kết luận có sai phạm; kiến nghị thu hồi và kiểm điểm trách nhiệm', 'Tố cáo không có cơ sở'],
    forwardTo: ['Thanh tra tỉnh', 'Ủy ban nhân dân cấp huyện'],
  },
  {
    key: 'dien-nuoc',
    weight: 5,
    complaint: ['Khiếu nại việc truy thu tiền điện của hộ {who}'],
    denunciation: ['Tố cáo việc câu móc điện trái phép tại {place}'],
    petition: ['Kiến nghị kéo điện lưới quốc gia về thôn tại {place}', 'Kiến nghị đầu tư hệ thống nước sạch tại {place}'],
    feedback: ['Phản ánh mất điện kéo dài tại {place}', 'Phản ánh nước sinh hoạt có mùi, đục tại {place}'],
    details: [
      'Tháng {month} vừa qua mất điện {small} lần, mỗi lần kéo dài nhiều giờ, không có thông báo trước.',
      'Khu dân cư có khoảng {n} hộ chưa có nước sạch, phải dùng nước giếng nhiễm phèn.',
    ],
    requests: ['Đề nghị kiểm tra, khắc phục và có lịch cấp điện, nước ổn định.'],
    outcomes: ['Đơn vị cấp nước đã xử lý, kết quả xét nghiệm đạt chuẩn', 'Công trình đã được đưa vào kế hoạch năm sau'],
    forwardTo: ['Công ty Điện lực Quảng Ngãi', 'Công ty cổ phần Cấp thoát nước Quảng Ngãi'],
  },
  {
    key: 'khoa-hoc',
    weight: 5,
    complaint: ['Khiếu nại kết quả tuyển chọn nhiệm vụ khoa học và công nghệ cấp tỉnh năm {year}'],
    denunciation: ['Tố cáo cơ sở kinh doanh hàng hóa không bảo đảm tiêu chuẩn chất lượng tại {place}'],
    petition: ['Kiến nghị hỗ trợ doanh nghiệp đổi mới công nghệ tại {place}'],
    feedback: ['Phản ánh cân sai tại chợ {place}', 'Phản ánh sóng điện thoại yếu tại {place}'],
    details: [
      'Hội đồng chấm điểm không công khai biên bản, điểm năng lực được tính thấp hơn thực tế.',
      'Nhiều tiểu thương sử dụng cân đồng hồ không được kiểm định, người mua bị thiệt.',
    ],
    requests: ['Đề nghị kiểm tra và công khai kết quả.'],
    outcomes: ['Đã kiểm tra, xử lý cơ sở vi phạm', 'Không công nhận nội dung khiếu nại'],
    forwardTo: ['Sở Khoa học và Công nghệ', 'Chi cục Tiêu chuẩn Đo lường Chất lượng'],
  },
];

export const FORWARD_SOURCES = [
  'Ban Tiếp công dân tỉnh Quảng Ngãi',
  'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh',
  'Thanh tra Chính phủ',
  'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
  'Ủy ban nhân dân tỉnh Quảng Ngãi',
  'Báo Quảng Ngãi',
];

/** Fill `{who}`, `{place}`, `{n}` … in a template. */
export function fill(r: Rand, t: string, who: string, place: string): string {
  return t
    .replace(/\{who\}/g, who)
    .replace(/\{place\}/g, place)
    .replace(/\{n\}/g, () => String(r.int(10, 980)))
    .replace(/\{m\}/g, () => String(r.int(1, 60)))
    .replace(/\{area\}/g, () => String(r.int(45, 2400)))
    .replace(/\{small\}/g, () => String(r.int(2, 9)))
    .replace(/\{year\}/g, () => String(r.int(1990, 2021)))
    .replace(/\{month\}/g, () => `${r.int(1, 12)}/${r.int(2022, 2025)}`)
    .replace(/\{date\}/g, () => `${String(r.int(1, 28)).padStart(2, '0')}/${String(r.int(1, 12)).padStart(2, '0')}/${r.int(2022, 2025)}`)
    .replace(/\{money\}/g, () => `${r.int(2, 950)}.000`);
}
