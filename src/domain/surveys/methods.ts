/**
 * Satisfaction-measurement methodologies as versioned data (DESIGN.md "Data": survey methods are
 * DATA with their legal basis, chosen by the date they apply to). Each has elements (yếu tố) made
 * of criteria (tiêu chí); a survey question on the 5-point scale is mapped to one criterion.
 *
 * - SIPAS-2017: Quyết định 2640/QĐ-BNV ngày 10/10/2017 of the Ministry of Home Affairs (Đề án đo
 *   lường sự hài lòng … giai đoạn 2017–2020), 5 elements and 22 criteria for transactions at the
 *   one-stop desk; still used by many provinces for department-level SIPAS (DOMAIN.md §3.1).
 *   The criteria wording is reconstructed from the published questionnaire; verify against the annex.
 * - SIPAS-2023: Quyết định 1001/QĐ-BNV ngày 11/12/2023 (phương pháp giai đoạn 2023–2026): aspects of
 *   views and assessments, satisfaction (with public policy and with administrative services) and
 *   expectations. Only the satisfaction aspect enters the index; the other two are reported as counts.
 */

export type MethodCriterion = { code: string; vi: string; en: string };
export type MethodElement = { code: string; vi: string; en: string; criteria: MethodCriterion[]; scored: boolean };
export type SurveyMethod = {
  code: string;
  name: { vi: string; en: string };
  basis: string;
  validFrom: string;
  validTo: string | null;
  elements: MethodElement[];
};

const c = (code: string, vi: string, en: string): MethodCriterion => ({ code, vi, en });

export const SURVEY_METHODS: readonly SurveyMethod[] = [
  {
    code: 'SIPAS-2017',
    name: { vi: 'SIPAS mô hình 2017 (5 yếu tố, 22 tiêu chí)', en: 'SIPAS 2017 model (5 elements, 22 criteria)' },
    basis: 'Quyết định 2640/QĐ-BNV ngày 10/10/2017 của Bộ Nội vụ',
    validFrom: '2017-10-10',
    validTo: null,
    elements: [
      {
        code: '1',
        vi: 'Tiếp cận dịch vụ',
        en: 'Access to the service',
        scored: true,
        criteria: [
          c('1.1', 'Nơi ngồi chờ tại Bộ phận Một cửa có đủ chỗ ngồi', 'The one-stop desk has enough seats'),
          c('1.2', 'Trang thiết bị phục vụ tại Bộ phận Một cửa đầy đủ', 'Its equipment is sufficient'),
          c('1.3', 'Trang thiết bị phục vụ tại Bộ phận Một cửa hiện đại', 'Its equipment is modern'),
          c('1.4', 'Trang thiết bị phục vụ tại Bộ phận Một cửa dễ sử dụng', 'Its equipment is easy to use'),
        ],
      },
      {
        code: '2',
        vi: 'Thủ tục hành chính',
        en: 'Administrative procedures',
        scored: true,
        criteria: [
          c('2.1', 'Thủ tục hành chính được niêm yết công khai đầy đủ', 'The procedure is posted in full'),
          c('2.2', 'Thủ tục hành chính được niêm yết công khai chính xác', 'The procedure is posted correctly'),
          c('2.3', 'Thành phần hồ sơ phải nộp đúng quy định', 'The documents required are those regulated'),
          c('2.4', 'Phí, lệ phí phải nộp đúng quy định', 'The fees charged are those regulated'),
          c('2.5', 'Thời hạn giải quyết đúng quy định', 'The processing time is as regulated'),
        ],
      },
      {
        code: '3',
        vi: 'Công chức trực tiếp giải quyết công việc',
        en: 'The civil servant handling the file',
        scored: true,
        criteria: [
          c('3.1', 'Công chức có thái độ giao tiếp lịch sự', 'The civil servant is courteous'),
          c('3.2', 'Công chức chú ý lắng nghe ý kiến', 'The civil servant listens'),
          c('3.3', 'Công chức trả lời, giải thích đầy đủ', 'The civil servant answers and explains fully'),
          c('3.4', 'Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo', 'The guidance on the forms is helpful'),
          c('3.5', 'Công chức hướng dẫn kê khai hồ sơ dễ hiểu', 'The guidance on the forms is easy to understand'),
          c('3.6', 'Công chức tuân thủ đúng quy định', 'The civil servant follows the rules'),
        ],
      },
      {
        code: '4',
        vi: 'Kết quả cung ứng dịch vụ',
        en: 'Results of the service',
        scored: true,
        criteria: [
          c('4.1', 'Kết quả nhận được đúng quy định', 'The result is as regulated'),
          c('4.2', 'Kết quả có thông tin đầy đủ', 'The result is complete'),
          c('4.3', 'Kết quả có thông tin chính xác', 'The result is accurate'),
        ],
      },
      {
        code: '5',
        vi: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
        en: 'Handling of comments, feedback and petitions',
        scored: true,
        criteria: [
          c('5.1', 'Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị', 'A channel for feedback exists'),
          c('5.2', 'Dễ dàng thực hiện góp ý, phản ánh, kiến nghị', 'Giving feedback is easy'),
          c('5.3', 'Cơ quan tiếp nhận, xử lý tích cực góp ý, phản ánh, kiến nghị', 'Feedback is handled actively'),
          c('5.4', 'Cơ quan thông báo kết quả xử lý kịp thời', 'The outcome is notified promptly'),
        ],
      },
    ],
  },
  {
    code: 'SIPAS-2023',
    name: { vi: 'SIPAS giai đoạn 2023–2026', en: 'SIPAS 2023–2026 model' },
    basis: 'Quyết định 1001/QĐ-BNV ngày 11/12/2023 của Bộ Nội vụ',
    validFrom: '2023-12-11',
    validTo: '2026-12-31',
    elements: [
      {
        code: 'NĐ',
        vi: 'Nhận định, đánh giá của người dân',
        en: 'Citizens’ views and assessments',
        scored: false,
        criteria: [
          c('NĐ.1', 'Quan tâm theo dõi chính sách công', 'Interest in public policy'),
          c('NĐ.2', 'Cách thức tiếp cận thông tin chính sách phù hợp', 'Suitable ways to reach policy information'),
          c('NĐ.3', 'Sẵn sàng góp ý về chính sách', 'Willingness to give opinions on policy'),
          c('NĐ.4', 'Không bị gây phiền hà, sách nhiễu', 'No harassment by officials'),
          c('NĐ.5', 'Không phải chi trả ngoài quy định', 'No informal payments'),
          c('NĐ.6', 'Cách thức nộp hồ sơ, nhận kết quả phù hợp', 'Suitable ways to file and receive results'),
        ],
      },
      {
        code: 'CS',
        vi: 'Sự hài lòng về xây dựng, tổ chức thực hiện chính sách',
        en: 'Satisfaction with making and carrying out public policy',
        scored: true,
        criteria: [
          c('CS.1', 'Chính sách được công khai, dễ tiếp cận', 'Policy is public and easy to reach'),
          c('CS.2', 'Người dân được lấy ý kiến khi xây dựng chính sách', 'People are consulted on policy'),
          c('CS.3', 'Chính sách được tổ chức thực hiện hiệu quả', 'Policy is carried out effectively'),
        ],
      },
      {
        code: 'DV',
        vi: 'Sự hài lòng về cung ứng dịch vụ hành chính công',
        en: 'Satisfaction with administrative services',
        scored: true,
        criteria: [
          c('DV.1', 'Tiếp cận dịch vụ thuận tiện', 'Convenient access to the service'),
          c('DV.2', 'Thủ tục hành chính công khai, đúng quy định', 'Procedures public and as regulated'),
          c('DV.3', 'Công chức phục vụ tận tình, đúng quy định', 'Helpful, rule-abiding civil servants'),
          c('DV.4', 'Kết quả đúng quy định, đúng hạn', 'Results as regulated and on time'),
          c('DV.5', 'Góp ý, phản ánh được tiếp nhận, xử lý', 'Feedback received and handled'),
        ],
      },
      {
        code: 'MĐ',
        vi: 'Mong đợi của người dân',
        en: 'Citizens’ expectations',
        scored: false,
        criteria: [c('MĐ.1', 'Mong đợi cải thiện chất lượng phục vụ', 'Expected improvements of the service')],
      },
    ],
  },
];

/**
 * The methodologies that apply on a day, newest first.
 * @param date - ISO date.
 * @returns the methods whose validity covers the day.
 */
export function methodsOn(date: string): SurveyMethod[] {
  return SURVEY_METHODS.filter((m) => m.validFrom <= date && (m.validTo === null || date <= m.validTo)).sort((a, b) =>
    b.validFrom.localeCompare(a.validFrom),
  );
}

/**
 * One methodology by code.
 * @param code - e.g. `SIPAS-2017`.
 * @returns the method, or undefined.
 */
export function surveyMethod(code: string): SurveyMethod | undefined {
  return SURVEY_METHODS.find((m) => m.code === code);
}

/** The criterion of a method by code, with its element. */
export function methodCriterion(method: SurveyMethod, code: string): { element: MethodElement; criterion: MethodCriterion } | undefined {
  for (const element of method.elements) {
    const criterion = element.criteria.find((x) => x.code === code);
    if (criterion) return { element, criterion };
  }
  return undefined;
}

/** Dimensions of the external indices entered per year (DOMAIN.md §3.2 PAPI since 2018, §3.3 PCI). '' is the overall figure. */
export const EXTERNAL_INDEX_DIMENSIONS: Readonly<Record<'SIPAS' | 'PAPI' | 'PCI', readonly { code: string; vi: string; en: string }[]>> = {
  SIPAS: [{ code: '', vi: 'Chỉ số SIPAS của tỉnh', en: 'Province SIPAS' }],
  PAPI: [
    { code: '', vi: 'PAPI tổng hợp', en: 'PAPI overall' },
    { code: '1', vi: 'Tham gia của người dân ở cấp cơ sở', en: 'Participation at the grassroots' },
    { code: '2', vi: 'Công khai, minh bạch trong việc ra quyết định ở địa phương', en: 'Transparency in local decision-making' },
    { code: '3', vi: 'Trách nhiệm giải trình với người dân', en: 'Vertical accountability' },
    { code: '4', vi: 'Kiểm soát tham nhũng trong khu vực công', en: 'Control of corruption' },
    { code: '5', vi: 'Thủ tục hành chính công', en: 'Public administrative procedures' },
    { code: '6', vi: 'Cung ứng dịch vụ công', en: 'Public service delivery' },
    { code: '7', vi: 'Quản trị môi trường', en: 'Environmental governance' },
    { code: '8', vi: 'Quản trị điện tử', en: 'E-governance' },
  ],
  PCI: [
    { code: '', vi: 'PCI tổng hợp', en: 'PCI overall' },
    { code: '1', vi: 'Chi phí gia nhập thị trường', en: 'Market entry costs' },
    { code: '2', vi: 'Tiếp cận đất đai', en: 'Land access' },
    { code: '3', vi: 'Tính minh bạch', en: 'Transparency' },
    { code: '4', vi: 'Chi phí thời gian', en: 'Time costs' },
    { code: '5', vi: 'Chi phí không chính thức', en: 'Informal charges' },
    { code: '6', vi: 'Cạnh tranh bình đẳng', en: 'Equal competition' },
    { code: '7', vi: 'Tính năng động của chính quyền tỉnh', en: 'Provincial leadership proactivity' },
    { code: '8', vi: 'Dịch vụ hỗ trợ doanh nghiệp', en: 'Business support services' },
    { code: '9', vi: 'Đào tạo lao động', en: 'Labour training' },
    { code: '10', vi: 'Thiết chế pháp lý và an ninh trật tự', en: 'Legal institutions and law and order' },
  ],
};
