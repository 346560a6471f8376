/**
 * The demo agency's 2021 plan, restored BY HAND from the OCR-damaged seed
 * /work/shared/seeds/000_80afc2e34cb9448d.txt (Kế hoạch of Sở Khoa học và Công nghệ tỉnh Quảng Ngãi,
 * digitally signed 22/03/2021), plus the tasks the demo assigns from it and a year of progress.
 *
 * Restoration rules: the original wording is kept (no paraphrase); only diacritics, Đ, letters
 * garbled by OCR, line breaks inside symbols ("120-\nKL/TW"), stray spaces ("20/ 10/2011",
 * "37- CT/TW") and typographic quotes were repaired. Capitalisation follows the seed, except
 * OCR-capitalised words in the middle of a sentence ("Xay dung", "Kip thoi", "Thuong Xuyén").
 * Classic tone placement (hòa, khóa, ủy), every string NFC. Places where the OCR could not be
 * read with certainty are marked "OCR:" in a comment.
 */
import type { TRecurrence } from '../../../../contracts/plans';

/** Units of the demo agency (src/server/seed/demo-org.ts) that tasks may be given to. */
export const DEMO_UNIT_CODES = [
  'LD',
  'VP',
  'KHTC',
  'QLKH',
  'QLCN',
  'QLCNg',
  'TTra',
  'CCTDC',
  'TTUD',
  'TTKT',
  'CD',
  'BTTND',
  'BBT',
] as const;
export type DemoUnitCode = (typeof DEMO_UNIT_CODES)[number];

export type RecipientRole = 'báo cáo' | 'phối hợp' | 'thực hiện' | null;

/** The shape PLAN_2021 must satisfy (the constant itself keeps its literal types). */
export interface PlanSeed {
  readonly issuerParent: string;
  readonly issuer: string;
  readonly numberSymbol: string | null;
  readonly place: string;
  readonly signedOn: string;
  readonly documentType: string;
  readonly summary: string;
  readonly preamble: string;
  readonly citations: readonly string[];
  readonly sections: readonly {
    readonly numeral: string;
    readonly title: string;
    readonly items: readonly { readonly number: number; readonly text: string }[];
  }[];
  readonly closing: string;
  readonly signer: {
    readonly mode: 'KT.' | 'TM.' | 'TL.' | 'TUQ.' | '';
    readonly authorityTitle: string;
    readonly title: string;
    readonly name: string | null;
  };
  readonly recipients: readonly { readonly name: string; readonly role: RecipientRole }[];
  readonly archive: string;
  readonly deadlines: readonly {
    readonly section: string;
    readonly item: number;
    readonly date: string;
    readonly text: string;
    readonly responsible: string;
  }[];
  readonly signatureTimestamps: readonly string[];
}

export const PLAN_2021 = {
  issuerParent: 'UBND TỈNH QUẢNG NGÃI',
  issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  // The header block (Quốc hiệu, issuer, "Số: …/KH-SKHCN", place and date line) is missing from the
  // seed: the OCR text starts at the trích yếu. The number is unknown, so it stays null.
  numberSymbol: null as string | null,
  place: 'Quảng Ngãi',
  // From the digital-signature timestamps at the end of the seed (2021-03-22T14:14:01+0700 …).
  signedOn: '2021-03-22',
  // The "KẾ HOẠCH" heading itself is lost with the header; the body says "xây dựng Kế hoạch".
  documentType: 'KẾ HOẠCH',
  // OCR: the surviving trích yếu lines read "Thuec hién Quy ché dén chi tai co sé / va cong tac dian
  // van chinh quyén nam 2021", i.e. "Thực hiện Quy chế dân chủ tại cơ sở và công tác dân vận chính
  // quyền năm 2021"; a first line ("Triển khai") may have been lost with the header. The summary
  // below follows the plan's own wording in its preamble ("xây dựng Kế hoạch triển khai thực hiện
  // Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2021").
  summary: 'Triển khai thực hiện Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2021',
  preamble: [
    'Thực hiện Công văn số 246-CV/TU ngày 08/02/2021 của Ban Thường vụ Tỉnh ủy về việc triển khai thực hiện công tác dân vận năm 2021, trọng tâm là “Đẩy mạnh thực hiện quy chế dân chủ ở cơ sở”; Kế hoạch số 10-KH/BDVTU-BCSĐUBND ngày 11/01/2021 giữa Ban Cán sự đảng UBND tỉnh và Ban Dân vận Tỉnh ủy về phối hợp thực hiện công tác dân vận năm 2021;',
    // OCR: "vé Thuc hién quy ché …": the capital T after "về" is not kept.
    'Thực hiện Kế hoạch số 38/KH-UBND ngày 04/3/2021 của UBND tỉnh về thực hiện quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2021;',
    'Sở Khoa học và Công nghệ xây dựng Kế hoạch triển khai thực hiện Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2021, cụ thể như sau:',
  ].join('\n'),
  // The 18 documents the plan cites, in order of first mention (21 mentions: 120-KL/TW, 114-KL/TW
  // and 18-NQ/TW are cited twice). Each is in LEGAL_DOCUMENTS (./legal-documents.ts).
  citations: [
    '246-CV/TU',
    '10-KH/BDVTU-BCSĐUBND',
    '38/KH-UBND',
    '25-KL/TU',
    '120-KL/TW',
    '114-KL/TW',
    '16/CT-TTg',
    '436/QĐ-UBND',
    '737/QĐ-UBND',
    '644/QĐ-UBND',
    '416/QĐ-TTg',
    '37-CT/TW',
    '1856-QĐ/TU',
    '18-NQ/TW',
    '125-KH/TU',
    '04/2015/NĐ-CP',
    '149/2018/NĐ-CP',
    '159/2016/NĐ-CP',
  ],
  sections: [
    {
      numeral: 'I',
      title: 'MỤC ĐÍCH, YÊU CẦU',
      items: [
        {
          number: 1,
          text: 'Tăng cường công tác lãnh đạo, chỉ đạo và triển khai thực hiện thắng lợi các mục tiêu, chỉ tiêu tại Kết luận số 25-KL/TU ngày 27/11/2020 của Tỉnh ủy về tình hình thực hiện nhiệm vụ năm 2020; mục tiêu, chỉ tiêu, nhiệm vụ và giải pháp năm 2021 gắn với chủ đề công tác dân vận “Đẩy mạnh thực hiện Quy chế dân chủ ở cơ sở”.',
        },
        {
          number: 2,
          text: 'Tiếp tục nâng cao chất lượng công tác dân vận chính quyền, nhất là nâng cao hiệu quả việc thực hiện các mô hình, điển hình “Dân vận khéo” trong cơ quan.',
        },
        {
          number: 3,
          text: 'Quá trình thực hiện kế hoạch đảm bảo đúng chức năng, nhiệm vụ và trách nhiệm được phân công của từng chủ thể thực hiện; các nội dung kế hoạch được xây dựng triển khai phù hợp với thực tế, thiết thực và hiệu quả.',
        },
      ],
    },
    {
      // OCR: the numeral was read "11." (for II.).
      numeral: 'II',
      title: 'NỘI DUNG THỰC HIỆN',
      items: [
        {
          number: 1,
          text: 'Triển khai thực hiện Chương trình hành động thực hiện Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX về công tác dân vận. Tiếp tục quán triệt, triển khai thực hiện Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị về xây dựng và thực hiện Quy chế dân chủ ở cơ sở; Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp; Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về đổi mới công tác dân vận của các cơ quan hành chính Nhà nước và chính quyền các cấp trong tình hình mới.',
        },
        {
          number: 2,
          text: 'Thực hiện nghiêm túc Quy chế dân chủ ở cơ sở với phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng” gắn với việc phát triển kinh tế - xã hội, đảm bảo an ninh, trật tự an toàn xã hội tại cơ quan.',
        },
        {
          number: 3,
          // OCR: "danh gia rat kinh nghiém" read as "đánh giá rút kinh nghiệm" (no comma in the seed).
          text: 'Triển khai tổ chức thực hiện có hiệu quả chủ đề công tác dân vận năm 2021 do Trung ương phát động với nội dung trọng tâm là “Đẩy mạnh thực hiện Quy chế dân chủ ở cơ sở”. Tiếp tục chú trọng việc xây dựng, nhân rộng và triển khai thực hiện các mô hình, điển hình “Dân vận khéo” gắn với nâng cao đạo đức, trách nhiệm công vụ, thái độ phục vụ Nhân dân của đội ngũ công chức, viên chức, kỷ luật, kỷ cương hành chính; chọn một số mô hình có tính khả thi cao gắn với mục tiêu phát triển kinh tế - xã hội, tiến hành khảo sát, đánh giá rút kinh nghiệm và triển khai nhân rộng mô hình.',
        },
        {
          number: 4,
          text: 'Theo dõi, nắm chắc tình hình, tâm trạng, những bức xúc trong Nhân dân; chú trọng dự báo tình hình khiếu nại, tố cáo trong thời điểm tiến hành bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021 - 2026 để đề ra những giải pháp xử lý kịp thời, hiệu quả thuộc phạm vi quản lý nhà nước của Sở Khoa học và Công nghệ.',
        },
        {
          number: 5,
          text: 'Tổ chức thực hiện tốt công tác dân vận chính quyền gắn với đổi mới và nâng cao hiệu quả công tác cải cách hành chính xem đây là giải pháp chủ đạo để cải thiện chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước - SIPAS; chỉ số hiệu quả quản trị và hành chính công - PAPI; chỉ số năng lực cạnh tranh cấp tỉnh - PCI và khả năng tiếp cận các thủ tục hành chính của người dân gắn với nâng cao đạo đức công vụ, kỷ luật, kỷ cương hành chính cho đội ngũ công chức, viên chức.',
        },
        {
          number: 6,
          text: 'Thực hiện tốt công tác tiếp công dân, đối thoại trực tiếp với dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh của tổ chức và công dân. Rà soát những lĩnh vực người dân có nhiều bức xúc, khiếu kiện kéo dài để tập trung chỉ đạo giải quyết dứt điểm.',
        },
        {
          number: 7,
          text: 'Phát huy hơn nữa vai trò Ban Thanh tra nhân dân của Sở để tập trung giám sát thực hiện quy chế dân chủ ở cơ sở; tăng cường công tác dân vận chính quyền; thực hiện tốt công tác tiếp công dân, giải quyết kịp thời, hiệu quả những bức xúc chính đáng của Nhân dân; tăng cường đối thoại, tiếp xúc trực tiếp với Nhân dân. Hình thức công khai phải phong phú, đa dạng và địa điểm công khai phải thuận tiện cho người dân theo dõi, tránh tình trạng niêm yết công khai các văn bản đã hết hiệu lực.',
        },
        {
          number: 8,
          text: 'Phối hợp với Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội thực hiện có hiệu quả Quy chế giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội; thực hiện tốt việc tiếp thu góp ý của Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội cùng cấp và Nhân dân. Thường xuyên trao đổi thông tin hai chiều giữa cơ quan hành chính nhà nước, chính quyền với Ban Dân vận, Mặt trận, đoàn thể các cấp.',
        },
        {
          number: 9,
          text: 'Tăng cường công tác đào tạo, tập huấn bồi dưỡng, bố trí, điều động cán bộ, nhất là cán bộ chủ chốt thường xuyên tiếp xúc với các tổ chức và công dân về khả năng và kỹ năng tuyên truyền vận động, thuyết phục và hòa giải để giải quyết các vụ việc bức xúc, khiếu nại, tranh chấp ngay từ cơ sở nhằm giảm thiểu tình trạng khiếu kiện vượt cấp, đông người, không để xảy ra “điểm nóng”.',
        },
        {
          number: 10,
          // OCR: "37- CT/TW" (spaced) and "Qb"/"QD" for QĐ repaired.
          text: 'Đẩy mạnh việc tổ chức triển khai thực hiện, đôn đốc, nhắc nhở việc thực hiện các Quyết định UBND tỉnh: Quyết định số 436/QĐ-UBND ngày 11/6/2019 về ban hành Quy định tiêu chí, cách đánh giá, xếp loại công tác dân vận của các cơ quan nhà nước trên địa bàn tỉnh; Quyết định số 737/QĐ-UBND ngày 27/9/2019 về ban hành Quy chế thực hiện dân chủ trong công tác thu hồi đất, bồi thường, hỗ trợ, tái định cư để thực hiện các dự án, đề án, quy hoạch, kế hoạch, chương trình phát triển kinh tế - xã hội trên địa bàn tỉnh; Quyết định số 644/QĐ-UBND ngày 06/5/2020 về việc ban hành Kế hoạch thực hiện Quyết định số 416/QĐ-TTg ngày 25/3/2020 của Thủ tướng Chính phủ thực hiện Chỉ thị số 37-CT/TW ngày 03/9/2019 của Ban Bí thư về tăng cường sự lãnh đạo, chỉ đạo xây dựng mối quan hệ lao động hài hòa, ổn định và tiến bộ trong tình hình mới gắn với việc sơ kết 5 năm thực hiện Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị về xây dựng và thực hiện Quy chế dân chủ ở cơ sở.',
        },
        {
          number: 11,
          text: 'Gắn thực hiện quy chế dân chủ ở cơ sở với nâng cao hiệu quả công tác dân vận chính quyền trong triển khai thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp.',
        },
        {
          number: 12,
          // OCR: "1856-QB/TU ngay 20/ 10/2011" repaired; the seed has no "số" before this symbol.
          text: 'Tổng kết 10 năm thực hiện Quyết định 1856-QĐ/TU ngày 20/10/2011 của Ban Thường vụ Tỉnh ủy ban hành Quy chế phối hợp giữa ban dân vận cấp ủy các cấp với cơ quan quản lý nhà nước cùng cấp trong việc triển khai thực hiện kế hoạch phát triển kinh tế - xã hội; giải quyết các vấn đề bức xúc của Nhân dân trên địa bàn tỉnh Quảng Ngãi.',
        },
        {
          number: 13,
          // OCR: "grfln v61" = "gắn với"; "ddi mai" = "đổi mới"; "Ban Chip hanh Trung wong Pang" = "Ban Chấp hành Trung ương Đảng".
          text: 'Tăng cường việc thực hiện quy chế dân chủ ở cơ sở gắn với nhiệm vụ đổi mới, sắp xếp tổ chức bộ máy của Sở tinh gọn, hoạt động hiệu lực, hiệu quả theo tinh thần Nghị quyết 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả và Kế hoạch 125-KH/TU ngày 05/4/2018 của Tỉnh ủy về thực hiện Nghị quyết số 18-NQ/TW.',
        },
        {
          number: 14,
          // OCR: "co quan t6 chirc" has no comma in the seed; the comma of the list is restored.
          text: 'Tiếp tục thực hiện Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ về thực hiện dân chủ trong hoạt động của các cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập; Nghị định số 149/2018/NĐ-CP ngày 07/11/2018 của Chính phủ quy định chi tiết khoản 3 Điều 63 của Bộ luật Lao động về thực hiện quy chế dân chủ ở cơ sở tại nơi làm việc và Nghị định số 159/2016/NĐ-CP ngày 29/11/2016 của Chính phủ quy định chi tiết và biện pháp thi hành một số điều của Luật Thanh tra về tổ chức và hoạt động của Ban Thanh tra nhân dân; trọng tâm là những nội dung phải công khai đến công chức, viên chức; tham gia ý kiến và thực hiện giám sát, kiểm tra; thực hiện dân chủ trong quan hệ và giải quyết công việc với công dân, cơ quan, tổ chức có liên quan.',
        },
      ],
    },
    {
      // OCR: the numeral was read "I11." (for III.).
      numeral: 'III',
      title: 'TỔ CHỨC THỰC HIỆN',
      items: [
        {
          number: 1,
          text: 'Sở Khoa học và Công nghệ phối hợp Công đoàn cơ sở tổ chức tuyên truyền, phổ biến, quán triệt sâu, rộng trong toàn Sở và triển khai thực hiện Kế hoạch này.',
        },
        {
          number: 2,
          // OCR: "Xay dung ké hoach t6 trién khai": "t6" is most plausibly "tổ [chức]" with "chức"
          // lost, restored as "xây dựng kế hoạch tổ chức triển khai thực hiện tại đơn vị".
          text: 'Trưởng các đơn vị thuộc Sở căn cứ chức năng, nhiệm vụ của đơn vị, xây dựng kế hoạch tổ chức triển khai thực hiện tại đơn vị; kịp thời phát hiện nhân tố mới, điển hình tiên tiến, các sáng kiến, kinh nghiệm hay trong tổ chức thực hiện quy chế dân chủ và công tác dân vận. Thực hiện nghiêm túc chế độ báo cáo định kỳ 06 tháng đầu năm gửi trước ngày 11/6/2021, báo cáo năm gửi trước ngày 11/11/2021 về Sở (qua Văn phòng Sở).',
        },
        {
          number: 3,
          text: 'Văn phòng Sở là cơ quan thường trực, làm đầu mối phối hợp với các phòng chức năng của Sở và các đơn vị có liên quan tham mưu Lãnh đạo Sở hướng dẫn triển khai, kiểm tra, giám sát, tổng hợp kết quả thực hiện việc triển khai thực hiện Kế hoạch này; kịp thời báo cáo, đề xuất khen thưởng tập thể, cá nhân thực hiện tốt Kế hoạch.',
        },
        {
          number: 4,
          text: 'Ban Biên tập Trang thông tin điện tử Sở chủ động phối hợp các đơn vị có liên quan tổ chức tuyên truyền, phổ biến Kế hoạch này; kịp thời tuyên truyền tập thể, cá nhân thực hiện tốt Quy chế dân chủ, công tác dân vận chính quyền.',
        },
      ],
    },
  ],
  /** The unnumbered closing paragraphs after section III (not items). */
  closing: [
    'Trong quá trình tổ chức triển khai thực hiện Kế hoạch này, nếu có phát sinh, vướng mắc, các đơn vị kịp thời báo cáo bằng văn bản về Sở (qua Văn phòng Sở) để điều chỉnh, bổ sung cho phù hợp.',
    'Yêu cầu Trưởng các phòng, Trưởng các đơn vị thuộc Sở nghiêm túc triển khai thực hiện./.',
  ].join('\n'),
  signer: {
    mode: 'KT.',
    authorityTitle: 'GIÁM ĐỐC',
    title: 'PHÓ GIÁM ĐỐC',
    // OCR: printed under the signature, mixed into the last recipient line as "Tran Cbng Hoa".
    // "Trần Công" is clear; the tone of the last syllable is not legible ("Hoa" with every mark
    // stripped): "Hòa" is the most plausible reading. Verify against the signed original.
    name: 'Trần Công Hòa' as string | null,
  },
  // OCR: the signature column ("KT. GIAM POC / PHO GIAM POC", the signature image read as
  // "£ o, W," and "=", the name) is interleaved with these lines in the seed and was removed.
  recipients: [
    // "(báo cáo)" is printed once, after "UBND tỉnh" ("UBND tinh Bao cao);" with its opening
    // parenthesis lost, probably a brace spanning the first three lines): it covers all three.
    { name: 'Ban Thường vụ Tỉnh ủy', role: 'báo cáo' },
    { name: 'Ban Dân vận Tỉnh ủy', role: 'báo cáo' },
    { name: 'UBND tỉnh', role: 'báo cáo' },
    // No role is printed for this line (it may also fall under the "(báo cáo)" brace).
    { name: 'Sở Nội vụ tỉnh', role: null },
    { name: 'Công đoàn Sở', role: 'phối hợp' },
    // Printed "GĐ, các PGĐ Sở".
    { name: 'Giám đốc, các PGĐ Sở', role: null },
    { name: 'Các phòng, đơn vị thuộc Sở', role: 'thực hiện' },
    // Printed "BBT Trang TTĐT Sở" (Ban Biên tập Trang thông tin điện tử Sở); no role printed.
    { name: 'BBT Trang TTĐT Sở', role: null },
  ],
  archive: 'VT, VP',
  // Both in III.2; "trước ngày 11/6/2021" means the report is due by 10/6 at the latest.
  deadlines: [
    {
      section: 'III',
      item: 2,
      date: '2021-06-11',
      text: 'Thực hiện nghiêm túc chế độ báo cáo định kỳ 06 tháng đầu năm gửi trước ngày 11/6/2021',
      responsible: 'Trưởng các đơn vị thuộc Sở',
    },
    {
      section: 'III',
      item: 2,
      date: '2021-11-11',
      text: 'báo cáo năm gửi trước ngày 11/11/2021 về Sở (qua Văn phòng Sở)',
      responsible: 'Trưởng các đơn vị thuộc Sở',
    },
  ],
  /** ISO times of the three digital signatures printed at the end of the seed. */
  signatureTimestamps: ['2021-03-22T14:14:01+07:00', '2021-03-22T14:38:30+07:00', '2021-03-22T14:38:30+07:00'],
} as const satisfies PlanSeed;

// ---------------------------------------------------------------------------------------------
// Tasks the Office assigns from the plan (demo). Indexes into this array are used by PROGRESS_2021.

export interface DemoTask {
  section: 'II' | 'III';
  item: number;
  title: string;
  leadUnit: DemoUnitCode;
  coUnits: readonly DemoUnitCode[];
  deadline: string | null;
  recurrence: TRecurrence | null;
  /** The evidence (minh chứng) expected when the task is reported done. */
  evidence: string;
}

/** Every unit that must send the 6-month and annual reports of III.2 (through the Office). */
const REPORTING_UNITS: readonly DemoUnitCode[] = ['KHTC', 'QLKH', 'QLCN', 'QLCNg', 'TTra', 'CCTDC', 'TTUD', 'TTKT'];

export const TASKS_2021: readonly DemoTask[] = [
  // 0
  {
    section: 'II',
    item: 1,
    title:
      'Quán triệt Chương trình hành động thực hiện Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX về công tác dân vận',
    leadUnit: 'VP',
    coUnits: ['CD', 'BBT'],
    deadline: '2021-04-30',
    recurrence: null,
    evidence: 'Thông báo, biên bản hội nghị quán triệt và danh sách công chức, viên chức tham dự',
  },
  // 1
  {
    section: 'II',
    item: 1,
    title: 'Tiếp tục quán triệt Kết luận 120-KL/TW, Kết luận 114-KL/TW và Chỉ thị 16/CT-TTg',
    leadUnit: 'VP',
    coUnits: ['BBT'],
    deadline: '2021-05-31',
    recurrence: null,
    evidence: 'Tài liệu quán triệt đăng trên Trang thông tin điện tử Sở; báo cáo kết quả học tập tại các đơn vị',
  },
  // 2
  {
    section: 'II',
    item: 2,
    title: 'Tổ chức Hội nghị cán bộ, công chức, viên chức năm 2021',
    leadUnit: 'VP',
    coUnits: ['CD', 'LD'],
    deadline: '2021-03-31',
    recurrence: null,
    evidence: 'Biên bản và nghị quyết Hội nghị cán bộ, công chức, viên chức năm 2021',
  },
  // 3
  {
    section: 'II',
    item: 2,
    title: 'Rà soát, sửa đổi Quy chế thực hiện dân chủ trong hoạt động của cơ quan',
    leadUnit: 'VP',
    coUnits: ['CD', 'TTra'],
    deadline: '2021-06-30',
    recurrence: null,
    evidence: 'Quyết định ban hành Quy chế thực hiện dân chủ (sửa đổi) và tổng hợp ý kiến góp ý',
  },
  // 4
  {
    section: 'II',
    item: 3,
    title: 'Đăng ký mô hình, điển hình “Dân vận khéo” năm 2021 của các đơn vị',
    leadUnit: 'VP',
    coUnits: ['QLKH', 'QLCN', 'CCTDC', 'TTUD'],
    deadline: '2021-04-30',
    recurrence: null,
    evidence: 'Bản đăng ký mô hình của các đơn vị và danh sách được Lãnh đạo Sở phê duyệt',
  },
  // 5: left untouched in the demo (overdue).
  {
    section: 'II',
    item: 3,
    title: 'Khảo sát, đánh giá rút kinh nghiệm và nhân rộng mô hình “Dân vận khéo”',
    leadUnit: 'VP',
    coUnits: ['CD'],
    deadline: '2021-10-29',
    recurrence: null,
    evidence: 'Báo cáo đánh giá mô hình và đề xuất nhân rộng',
  },
  // 6
  {
    section: 'II',
    item: 4,
    title: 'Nắm tình hình, dự báo khiếu nại, tố cáo trong thời gian bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp',
    leadUnit: 'TTra',
    coUnits: ['LD'],
    deadline: '2021-05-21',
    recurrence: null,
    evidence: 'Báo cáo tình hình khiếu nại, tố cáo trước, trong và sau bầu cử',
  },
  // 7
  {
    section: 'II',
    item: 5,
    title: 'Triển khai giải pháp cải cách hành chính gắn với cải thiện các chỉ số SIPAS, PAPI, PCI',
    leadUnit: 'VP',
    coUnits: ['KHTC', 'CCTDC', 'QLCN'],
    deadline: '2021-10-29',
    recurrence: null,
    evidence: 'Báo cáo kết quả thực hiện các giải pháp và số liệu hồ sơ trực tuyến',
  },
  // 8
  {
    section: 'II',
    item: 5,
    title: 'Lấy ý kiến đánh giá sự hài lòng của người dân, tổ chức khi giải quyết thủ tục hành chính tại Sở',
    leadUnit: 'VP',
    coUnits: ['CCTDC', 'QLCN', 'QLCNg'],
    deadline: '2021-09-30',
    recurrence: null,
    evidence: 'Phiếu khảo sát và bảng tổng hợp kết quả đánh giá mức độ hài lòng',
  },
  // 9
  {
    section: 'II',
    item: 6,
    title: 'Tiếp công dân định kỳ, đối thoại trực tiếp; giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh',
    leadUnit: 'TTra',
    coUnits: ['LD'],
    deadline: '2021-12-15',
    recurrence: null,
    evidence: 'Sổ tiếp công dân, sổ theo dõi xử lý đơn và các văn bản trả lời',
  },
  // 10
  {
    section: 'II',
    item: 6,
    title: 'Rà soát lĩnh vực người dân có nhiều bức xúc, khiếu kiện kéo dài',
    leadUnit: 'TTra',
    coUnits: ['QLCNg', 'CCTDC'],
    deadline: '2021-06-30',
    recurrence: null,
    evidence: 'Báo cáo rà soát, danh mục vụ việc và hướng giải quyết',
  },
  // 11
  {
    section: 'II',
    item: 7,
    title: 'Ban Thanh tra nhân dân giám sát việc thực hiện Quy chế dân chủ ở cơ sở, báo cáo 6 tháng một lần',
    leadUnit: 'BTTND',
    coUnits: ['CD'],
    deadline: '2021-06-10',
    recurrence: { kind: 'every_months', months: 6 },
    evidence: 'Chương trình công tác và báo cáo kết quả giám sát của Ban Thanh tra nhân dân',
  },
  // 12
  {
    section: 'II',
    item: 7,
    title: 'Rà soát hình thức, địa điểm công khai; gỡ bỏ văn bản đã hết hiệu lực đang niêm yết',
    leadUnit: 'VP',
    coUnits: ['BBT'],
    deadline: '2021-05-31',
    recurrence: null,
    evidence: 'Biên bản rà soát bảng niêm yết và danh mục văn bản đã gỡ bỏ',
  },
  // 13
  {
    section: 'II',
    item: 8,
    title: 'Phối hợp với Mặt trận Tổ quốc và các tổ chức chính trị - xã hội; tiếp thu, giải trình ý kiến góp ý',
    leadUnit: 'VP',
    coUnits: ['CD'],
    deadline: '2021-11-30',
    recurrence: null,
    evidence: 'Văn bản tiếp thu, giải trình ý kiến góp ý của Mặt trận Tổ quốc và Nhân dân',
  },
  // 14
  {
    section: 'II',
    item: 9,
    title: 'Cử cán bộ tham gia tập huấn kỹ năng dân vận, tuyên truyền, vận động và hòa giải',
    leadUnit: 'VP',
    coUnits: ['TTra'],
    deadline: '2021-09-30',
    recurrence: null,
    evidence: 'Quyết định cử cán bộ đi tập huấn và giấy chứng nhận hoàn thành',
  },
  // 15
  {
    section: 'II',
    item: 10,
    title: 'Tự đánh giá, xếp loại công tác dân vận năm 2021 theo Quyết định 436/QĐ-UBND',
    leadUnit: 'VP',
    coUnits: ['LD'],
    deadline: '2021-11-10',
    recurrence: null,
    evidence: 'Bảng tự chấm điểm công tác dân vận năm 2021 có ý kiến của Lãnh đạo Sở',
  },
  // 16
  {
    section: 'II',
    item: 10,
    title: 'Xây dựng quan hệ lao động hài hòa, ổn định, tiến bộ (Quyết định 644/QĐ-UBND); sơ kết 5 năm Kết luận 120-KL/TW',
    leadUnit: 'CD',
    coUnits: ['LD'],
    deadline: '2021-06-30',
    recurrence: null,
    evidence: 'Báo cáo sơ kết 5 năm thực hiện Kết luận 120-KL/TW',
  },
  // 17
  {
    section: 'II',
    item: 11,
    title: 'Lồng ghép thực hiện Kết luận 114-KL/TW vào kế hoạch công tác chuyên môn của các phòng',
    leadUnit: 'VP',
    coUnits: ['KHTC', 'QLKH', 'QLCN', 'QLCNg'],
    deadline: '2021-12-15',
    recurrence: null,
    evidence: 'Kế hoạch công tác quý của các phòng có nội dung dân vận chính quyền',
  },
  // 18: left untouched in the demo (overdue).
  {
    section: 'II',
    item: 12,
    title: 'Báo cáo tổng kết 10 năm thực hiện Quyết định 1856-QĐ/TU',
    leadUnit: 'VP',
    coUnits: ['LD'],
    deadline: '2021-08-31',
    recurrence: null,
    evidence: 'Báo cáo tổng kết 10 năm gửi Ban Dân vận Tỉnh ủy',
  },
  // 19
  {
    section: 'II',
    item: 13,
    title: 'Rà soát, sắp xếp tổ chức bộ máy của Sở theo Nghị quyết 18-NQ/TW và Kế hoạch 125-KH/TU',
    leadUnit: 'VP',
    coUnits: ['KHTC', 'LD'],
    deadline: '2021-09-30',
    recurrence: null,
    evidence: 'Đề án, phương án sắp xếp tổ chức bộ máy trình cấp có thẩm quyền',
  },
  // 20
  {
    section: 'II',
    item: 14,
    title: 'Công khai dự toán, quyết toán ngân sách và các nội dung phải công khai đến công chức, viên chức (Nghị định 04/2015/NĐ-CP)',
    leadUnit: 'KHTC',
    coUnits: ['VP'],
    deadline: '2021-04-30',
    recurrence: null,
    evidence: 'Quyết định công bố công khai và ảnh chụp niêm yết tại trụ sở',
  },
  // 21
  {
    section: 'II',
    item: 14,
    title: 'Tổ chức đối thoại tại nơi làm việc (Nghị định 149/2018/NĐ-CP)',
    leadUnit: 'TTUD',
    coUnits: ['TTKT', 'CD'],
    deadline: '2021-10-29',
    recurrence: null,
    evidence: 'Biên bản đối thoại tại nơi làm việc',
  },
  // 22: III.2, "báo cáo định kỳ 06 tháng đầu năm gửi trước ngày 11/6/2021" (from every unit, through the Office).
  {
    section: 'III',
    item: 2,
    title: 'Các đơn vị gửi báo cáo 6 tháng đầu năm về Sở (qua Văn phòng Sở)',
    leadUnit: 'VP',
    coUnits: REPORTING_UNITS,
    deadline: null,
    recurrence: { kind: 'yearly_before', month: 6, day: 11 },
    evidence: 'Báo cáo 6 tháng của từng đơn vị và báo cáo tổng hợp của Sở',
  },
  // 23: III.2, "báo cáo năm gửi trước ngày 11/11/2021 về Sở (qua Văn phòng Sở)".
  {
    section: 'III',
    item: 2,
    title: 'Các đơn vị gửi báo cáo năm về Sở (qua Văn phòng Sở)',
    leadUnit: 'VP',
    coUnits: REPORTING_UNITS,
    deadline: null,
    recurrence: { kind: 'yearly_before', month: 11, day: 11 },
    evidence: 'Báo cáo năm của từng đơn vị và báo cáo tổng hợp của Sở',
  },
];

// ---------------------------------------------------------------------------------------------
// Progress reported over the year (demo), in date order. `unit` is the unit that did the work;
// it is always the lead unit or a co-operating unit of the task. Tasks 5 and 18 have no update
// (overdue and untouched).

export interface DemoProgress {
  taskIndex: number;
  on: string;
  unit: DemoUnitCode;
  percent: number;
  status: 'in_progress' | 'done';
  note: string;
  evidence?: string;
}

export const PROGRESS_2021: readonly DemoProgress[] = [
  {
    taskIndex: 2,
    on: '2021-03-30',
    unit: 'VP',
    percent: 100,
    status: 'done',
    note: 'Đã tổ chức Hội nghị cán bộ, công chức, viên chức năm 2021; hội nghị thông qua kế hoạch công tác năm và Quy chế chi tiêu nội bộ.',
    evidence: 'Bien-ban-hoi-nghi-CBCCVC-2021.pdf',
  },
  {
    taskIndex: 0,
    on: '2021-04-08',
    unit: 'VP',
    percent: 50,
    status: 'in_progress',
    note: 'Đã phổ biến Chương trình hành động tại cuộc họp giao ban Sở; đang phối hợp Công đoàn cơ sở chuẩn bị hội nghị quán triệt cho toàn thể công chức, viên chức.',
  },
  {
    taskIndex: 4,
    on: '2021-04-12',
    unit: 'QLKH',
    percent: 30,
    status: 'in_progress',
    note: 'Phòng Quản lý khoa học đăng ký mô hình “Dân vận khéo” hướng dẫn tổ chức, cá nhân đăng ký nhiệm vụ khoa học và công nghệ.',
    evidence: 'Dang-ky-mo-hinh-DVK-QLKH-2021.docx',
  },
  {
    taskIndex: 4,
    on: '2021-04-16',
    unit: 'CCTDC',
    percent: 60,
    status: 'in_progress',
    note: 'Chi cục Tiêu chuẩn Đo lường Chất lượng đăng ký mô hình hỗ trợ doanh nghiệp áp dụng hệ thống quản lý chất lượng.',
  },
  {
    taskIndex: 20,
    on: '2021-04-20',
    unit: 'KHTC',
    percent: 100,
    status: 'done',
    note: 'Đã công khai dự toán ngân sách năm 2021 và quyết toán năm 2020 của Sở; niêm yết tại trụ sở và đăng trên Trang thông tin điện tử.',
    evidence: 'Quyet-dinh-cong-khai-du-toan-2021.pdf',
  },
  {
    taskIndex: 0,
    on: '2021-04-28',
    unit: 'VP',
    percent: 100,
    status: 'done',
    note: 'Đã tổ chức hội nghị quán triệt cho toàn thể công chức, viên chức của Sở và các đơn vị trực thuộc.',
    evidence: 'Bao-cao-quan-triet-Nghi-quyet-XIII.pdf',
  },
  {
    taskIndex: 4,
    on: '2021-04-29',
    unit: 'VP',
    percent: 100,
    status: 'done',
    note: 'Đã tổng hợp 04 mô hình “Dân vận khéo” năm 2021 của các đơn vị; Lãnh đạo Sở đã phê duyệt danh sách.',
    evidence: 'Danh-sach-mo-hinh-Dan-van-kheo-2021.xlsx',
  },
  {
    taskIndex: 6,
    on: '2021-05-05',
    unit: 'TTra',
    percent: 60,
    status: 'in_progress',
    note: 'Thanh tra Sở đã rà soát đơn thư tồn đọng; chưa phát sinh khiếu nại, tố cáo liên quan đến công tác bầu cử thuộc phạm vi quản lý của Sở.',
  },
  {
    taskIndex: 12,
    on: '2021-05-14',
    unit: 'VP',
    percent: 50,
    status: 'in_progress',
    note: 'Đã rà soát bảng niêm yết tại trụ sở, gỡ bỏ 07 văn bản đã hết hiệu lực; đang rà soát chuyên mục văn bản trên Trang thông tin điện tử.',
  },
  {
    taskIndex: 1,
    on: '2021-05-20',
    unit: 'VP',
    percent: 70,
    status: 'in_progress',
    note: 'Đã đăng tài liệu quán triệt trên Trang thông tin điện tử Sở; các đơn vị đang tổ chức học tập tại đơn vị.',
  },
  {
    taskIndex: 6,
    on: '2021-05-26',
    unit: 'TTra',
    percent: 100,
    status: 'done',
    note: 'Trước, trong và sau ngày bầu cử không phát sinh khiếu nại, tố cáo thuộc phạm vi quản lý của Sở; đã báo cáo Lãnh đạo Sở.',
    evidence: 'Bao-cao-tinh-hinh-KNTC-dip-bau-cu-2021.pdf',
  },
  {
    taskIndex: 1,
    on: '2021-05-31',
    unit: 'VP',
    percent: 100,
    status: 'done',
    note: 'Các đơn vị đã hoàn thành việc học tập, quán triệt và gửi báo cáo kết quả về Văn phòng Sở.',
  },
  {
    taskIndex: 22,
    on: '2021-06-04',
    unit: 'QLKH',
    percent: 20,
    status: 'in_progress',
    note: 'Phòng Quản lý khoa học đã gửi báo cáo 6 tháng đầu năm về Văn phòng Sở.',
  },
  {
    taskIndex: 22,
    on: '2021-06-07',
    unit: 'CCTDC',
    percent: 45,
    status: 'in_progress',
    note: 'Chi cục Tiêu chuẩn Đo lường Chất lượng đã gửi báo cáo 6 tháng đầu năm.',
  },
  {
    taskIndex: 11,
    on: '2021-06-09',
    unit: 'BTTND',
    percent: 50,
    status: 'in_progress',
    note: 'Ban Thanh tra nhân dân đã báo cáo kết quả giám sát 6 tháng đầu năm với Ban Chấp hành Công đoàn cơ sở.',
    evidence: 'Bao-cao-giam-sat-6-thang-BTTND-2021.pdf',
  },
  {
    taskIndex: 22,
    on: '2021-06-09',
    unit: 'TTUD',
    percent: 70,
    status: 'in_progress',
    note: 'Trung tâm Ứng dụng và Thống kê khoa học công nghệ đã gửi báo cáo 6 tháng đầu năm.',
  },
  {
    taskIndex: 22,
    on: '2021-06-15',
    unit: 'VP',
    percent: 100,
    status: 'done',
    note: 'Đã nhận đủ báo cáo của các đơn vị (Phòng Quản lý chuyên ngành gửi chậm ngày 14/6); đã tổng hợp báo cáo 6 tháng đầu năm trình Lãnh đạo Sở.',
    evidence: 'Bao-cao-6-thang-QCDC-DVCQ-2021.pdf',
  },
  {
    taskIndex: 3,
    on: '2021-06-25',
    unit: 'VP',
    percent: 60,
    status: 'in_progress',
    note: 'Đã dự thảo Quy chế thực hiện dân chủ (sửa đổi), gửi các đơn vị và Công đoàn cơ sở góp ý.',
  },
  {
    taskIndex: 16,
    on: '2021-06-28',
    unit: 'CD',
    percent: 100,
    status: 'done',
    note: 'Công đoàn cơ sở đã hoàn thành báo cáo sơ kết 5 năm thực hiện Kết luận số 120-KL/TW gắn với xây dựng quan hệ lao động hài hòa, ổn định, tiến bộ tại cơ quan.',
    evidence: 'Bao-cao-so-ket-5-nam-KL120.pdf',
  },
  {
    taskIndex: 10,
    on: '2021-06-30',
    unit: 'TTra',
    percent: 50,
    status: 'in_progress',
    note: 'Đã rà soát lĩnh vực đo lường, chất lượng hàng hóa; chưa có vụ việc khiếu kiện kéo dài, tiếp tục theo dõi phản ánh về cân đối chứng tại các chợ.',
  },
  {
    taskIndex: 12,
    on: '2021-07-06',
    unit: 'VP',
    percent: 100,
    status: 'done',
    note: 'Đã cập nhật chuyên mục văn bản trên Trang thông tin điện tử, gỡ bỏ các văn bản hết hiệu lực và bổ sung văn bản mới.',
  },
  {
    taskIndex: 17,
    on: '2021-07-15',
    unit: 'VP',
    percent: 40,
    status: 'in_progress',
    note: 'Các phòng đã lồng ghép nội dung dân vận chính quyền vào kế hoạch công tác chuyên môn quý III.',
  },
  {
    taskIndex: 19,
    on: '2021-07-20',
    unit: 'VP',
    percent: 40,
    status: 'in_progress',
    note: 'Đã xây dựng dự thảo phương án sắp xếp các phòng chuyên môn; đang lấy ý kiến công chức, viên chức trước khi trình Sở Nội vụ thẩm định.',
  },
  {
    taskIndex: 9,
    on: '2021-07-30',
    unit: 'TTra',
    percent: 50,
    status: 'in_progress',
    note: 'Lãnh đạo Sở tiếp công dân định kỳ hằng tháng; 7 tháng đầu năm tiếp nhận 03 đơn kiến nghị, phản ánh, đã giải quyết xong 02 đơn.',
  },
  {
    taskIndex: 13,
    on: '2021-08-10',
    unit: 'VP',
    percent: 50,
    status: 'in_progress',
    note: 'Đã tiếp thu, giải trình ý kiến góp ý của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh đối với dự thảo văn bản do Sở chủ trì soạn thảo.',
  },
  {
    taskIndex: 8,
    on: '2021-08-16',
    unit: 'VP',
    percent: 40,
    status: 'in_progress',
    note: 'Đã phát phiếu lấy ý kiến tại Bộ phận tiếp nhận và trả kết quả; do dịch COVID-19, chuyển sang lấy ý kiến trực tuyến.',
  },
  {
    taskIndex: 21,
    on: '2021-08-25',
    unit: 'TTUD',
    percent: 40,
    status: 'in_progress',
    note: 'Trung tâm đã xây dựng kế hoạch đối thoại tại nơi làm việc, dự kiến tổ chức trong tháng 10.',
  },
  {
    taskIndex: 14,
    on: '2021-09-24',
    unit: 'VP',
    percent: 100,
    status: 'done',
    note: 'Đã cử 05 công chức tham gia lớp tập huấn kỹ năng dân vận, tiếp công dân theo hình thức trực tuyến.',
    evidence: 'Quyet-dinh-cu-can-bo-tap-huan-2021.pdf',
  },
  {
    taskIndex: 7,
    on: '2021-09-30',
    unit: 'VP',
    percent: 60,
    status: 'in_progress',
    note: 'Đã triển khai các giải pháp cải thiện chỉ số SIPAS, PAPI, PCI; tỷ lệ hồ sơ nộp trực tuyến tăng so với năm 2020.',
  },
  {
    taskIndex: 8,
    on: '2021-10-08',
    unit: 'VP',
    percent: 100,
    status: 'done',
    note: 'Đã tổng hợp 126 phiếu khảo sát; tỷ lệ hài lòng chung đạt 97,6%.',
    evidence: 'Ket-qua-khao-sat-hai-long-2021.xlsx',
  },
  {
    taskIndex: 21,
    on: '2021-10-22',
    unit: 'TTUD',
    percent: 100,
    status: 'done',
    note: 'Đã tổ chức đối thoại tại nơi làm việc ngày 20/10/2021 với sự tham gia của Công đoàn cơ sở và Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng.',
    evidence: 'Bien-ban-doi-thoai-TTUD-2021.pdf',
  },
  {
    taskIndex: 23,
    on: '2021-11-05',
    unit: 'CCTDC',
    percent: 30,
    status: 'in_progress',
    note: 'Chi cục Tiêu chuẩn Đo lường Chất lượng đã gửi báo cáo năm 2021.',
  },
  {
    taskIndex: 15,
    on: '2021-11-09',
    unit: 'VP',
    percent: 80,
    status: 'in_progress',
    note: 'Đã hoàn thành bảng tự chấm điểm công tác dân vận năm 2021 theo Quyết định 436/QĐ-UBND, trình Lãnh đạo Sở xem xét.',
  },
  {
    taskIndex: 23,
    on: '2021-11-09',
    unit: 'QLKH',
    percent: 50,
    status: 'in_progress',
    note: 'Phòng Quản lý khoa học đã gửi báo cáo năm 2021.',
  },
  {
    taskIndex: 23,
    on: '2021-11-12',
    unit: 'VP',
    percent: 75,
    status: 'in_progress',
    note: 'Đã nhận báo cáo năm của 6/8 đơn vị; Phòng Quản lý công nghệ và Phát triển thị trường và Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng chưa gửi, Văn phòng đã nhắc.',
  },
];
