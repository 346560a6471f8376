/**
 * The demo agency: Sở Khoa học và Công nghệ tỉnh Quảng Ngãi, which wrote the 2021 plan in
 * `shared/seeds/`. Its units and people are demo data (names invented), shaped like the real
 * department: leadership, the Office (standing body), professional units, public service units,
 * the trade union, the People's Inspection Board and the website editorial board.
 * After 01/03/2025 the department absorbed the Sở Thông tin và Truyền thông (DOMAIN.md §1.3);
 * the demo shows that merger with effective-dated units and a succession link.
 */
import type { Role } from '../../contracts/roles';
import type { UnitKind } from '../../contracts/org';

export const DEMO_TENANT = {
  code: 'skhcn-qng',
  name: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi',
  parentName: 'UBND tỉnh Quảng Ngãi',
  place: 'Quảng Ngãi',
};

export const DEMO_PASSWORD = 'danchu-demo';

export type DemoUnit = {
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  parent?: string;
  validFrom: string;
  validTo?: string;
  staffCount: number;
  predecessors?: { code: string; kind: 'merge' | 'split' | 'rename' | 'transfer' }[];
};

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'LD', name: 'Lãnh đạo Sở', nameEn: 'Department leadership', kind: 'leadership', validFrom: '2008-01-01', staffCount: 4 },
  { code: 'VP', name: 'Văn phòng Sở', nameEn: 'Department Office', kind: 'office', validFrom: '2008-01-01', staffCount: 12 },
  {
    code: 'KHTC',
    name: 'Phòng Kế hoạch - Tài chính',
    nameEn: 'Planning and Finance',
    kind: 'department',
    validFrom: '2008-01-01',
    staffCount: 7,
  },
  {
    code: 'QLKH',
    name: 'Phòng Quản lý khoa học',
    nameEn: 'Science Management',
    kind: 'department',
    validFrom: '2008-01-01',
    staffCount: 8,
  },
  {
    code: 'QLCN',
    name: 'Phòng Quản lý công nghệ và Phát triển thị trường',
    nameEn: 'Technology Management and Market Development',
    kind: 'department',
    validFrom: '2008-01-01',
    staffCount: 6,
  },
  {
    code: 'QLCNg',
    name: 'Phòng Quản lý chuyên ngành',
    nameEn: 'Specialised Management',
    kind: 'department',
    validFrom: '2008-01-01',
    staffCount: 6,
  },
  {
    code: 'TTra',
    name: 'Thanh tra Sở',
    nameEn: 'Department Inspectorate',
    kind: 'inspection',
    validFrom: '2008-01-01',
    validTo: '2025-06-30',
    staffCount: 5,
  },
  {
    code: 'BCVT',
    name: 'Phòng Bưu chính, Viễn thông (Sở Thông tin và Truyền thông)',
    nameEn: 'Post and Telecommunications (former Department of Information and Communications)',
    kind: 'department',
    validFrom: '2008-01-01',
    validTo: '2025-02-28',
    staffCount: 5,
  },
  {
    code: 'BCVT-CDS',
    name: 'Phòng Bưu chính, Viễn thông và Chuyển đổi số',
    nameEn: 'Post, Telecommunications and Digital Transformation',
    kind: 'department',
    validFrom: '2025-03-01',
    staffCount: 8,
    predecessors: [{ code: 'BCVT', kind: 'merge' }],
  },
  {
    code: 'CCTDC',
    name: 'Chi cục Tiêu chuẩn Đo lường Chất lượng',
    nameEn: 'Sub-department of Standards, Metrology and Quality',
    kind: 'sub_department',
    validFrom: '2008-01-01',
    staffCount: 18,
  },
  {
    code: 'TTUD',
    name: 'Trung tâm Ứng dụng và Thống kê khoa học công nghệ',
    nameEn: 'Centre for Science and Technology Application and Statistics',
    kind: 'service_unit',
    validFrom: '2008-01-01',
    staffCount: 15,
  },
  {
    code: 'TTKT',
    name: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng',
    nameEn: 'Technical Centre for Standards, Metrology and Quality',
    kind: 'service_unit',
    parent: 'CCTDC',
    validFrom: '2008-01-01',
    staffCount: 14,
  },
  {
    code: 'CD',
    name: 'Công đoàn cơ sở Sở Khoa học và Công nghệ',
    nameEn: 'Trade union',
    kind: 'union',
    validFrom: '2008-01-01',
    staffCount: 0,
  },
  {
    code: 'BTTND',
    name: 'Ban Thanh tra nhân dân',
    nameEn: "People's Inspection Board",
    kind: 'inspection_board',
    parent: 'CD',
    validFrom: '2008-01-01',
    staffCount: 0,
  },
  {
    code: 'BBT',
    name: 'Ban Biên tập Trang thông tin điện tử Sở',
    nameEn: 'Website editorial board',
    kind: 'editorial_board',
    parent: 'VP',
    validFrom: '2015-01-01',
    staffCount: 0,
  },
];

export type DemoPerson = { username: string; fullName: string; position: string; email?: string; roles: { role: Role; unit?: string }[] };

/** One account per role (issue #2), then a few more staff so lists have something true to show. */
export const DEMO_PEOPLE: DemoPerson[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', position: 'Quản trị viên', roles: [{ role: 'admin' }] },
  { username: 'lanhdao', fullName: 'Nguyễn Đức Thắng', position: 'Phó Giám đốc Sở', roles: [{ role: 'leader', unit: 'LD' }] },
  {
    username: 'vanphong',
    fullName: 'Trần Thị Thu Hà',
    position: 'Chánh Văn phòng Sở',
    roles: [
      { role: 'office', unit: 'VP' },
      { role: 'unit_head', unit: 'VP' },
    ],
  },
  {
    username: 'truongphong',
    fullName: 'Lê Minh Tuấn',
    position: 'Trưởng phòng Quản lý khoa học',
    roles: [{ role: 'unit_head', unit: 'QLKH' }],
  },
  { username: 'canbo', fullName: 'Phạm Thị Mai', position: 'Chuyên viên Phòng Quản lý khoa học', roles: [{ role: 'staff', unit: 'QLKH' }] },
  {
    username: 'thanhtra',
    fullName: 'Võ Văn Sơn',
    position: 'Trưởng Ban Thanh tra nhân dân',
    roles: [
      { role: 'inspection', unit: 'BTTND' },
      { role: 'staff', unit: 'KHTC' },
    ],
  },
  {
    username: 'congdoan',
    fullName: 'Huỳnh Thị Lan',
    position: 'Chủ tịch Công đoàn cơ sở',
    roles: [
      { role: 'union', unit: 'CD' },
      { role: 'staff', unit: 'VP' },
    ],
  },
  { username: 'giamdoc', fullName: 'Đặng Quốc Bảo', position: 'Giám đốc Sở', roles: [{ role: 'leader', unit: 'LD' }] },
  {
    username: 'tpkhtc',
    fullName: 'Ngô Thị Hồng',
    position: 'Trưởng phòng Kế hoạch - Tài chính',
    roles: [{ role: 'unit_head', unit: 'KHTC' }],
  },
  {
    username: 'tpqlcn',
    fullName: 'Bùi Văn Khánh',
    position: 'Trưởng phòng Quản lý công nghệ và Phát triển thị trường',
    roles: [{ role: 'unit_head', unit: 'QLCN' }],
  },
  {
    username: 'tpcds',
    fullName: 'Trương Công Vinh',
    position: 'Trưởng phòng Bưu chính, Viễn thông và Chuyển đổi số',
    roles: [{ role: 'unit_head', unit: 'BCVT-CDS' }],
  },
  { username: 'cccctdc', fullName: 'Lý Thị Ánh', position: 'Chi cục trưởng Chi cục TĐC', roles: [{ role: 'unit_head', unit: 'CCTDC' }] },
  { username: 'gdttud', fullName: 'Đoàn Văn Ân', position: 'Giám đốc Trung tâm Ứng dụng', roles: [{ role: 'unit_head', unit: 'TTUD' }] },
  {
    username: 'cvvp',
    fullName: 'Hồ Thị Yến',
    position: 'Chuyên viên Văn phòng',
    roles: [
      { role: 'office', unit: 'VP' },
      { role: 'staff', unit: 'VP' },
    ],
  },
];
