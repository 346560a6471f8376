/** Roles an agency assigns to its people. Shared by the server and the web app. */
export const ROLES = ['admin', 'leader', 'office', 'unit_head', 'staff', 'inspection', 'union', 'board_member'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  leader: { vi: 'Lãnh đạo cơ quan', en: 'Agency leadership' },
  office: { vi: 'Văn phòng (cơ quan thường trực)', en: 'Office (standing body)' },
  unit_head: { vi: 'Trưởng đơn vị', en: 'Unit head' },
  staff: { vi: 'Cán bộ, công chức, viên chức', en: 'Civil servant' },
  inspection: { vi: 'Ban Thanh tra nhân dân', en: "People's Inspection Board" },
  union: { vi: 'Công đoàn cơ sở', en: 'Trade union' },
  // Held for the term by each member the staff conference elected (issue #11): the board's own
  // work, without the case powers of the `inspection` role (issue #16).
  board_member: { vi: 'Thành viên Ban Thanh tra nhân dân (theo nhiệm kỳ)', en: "Member of the People's Inspection Board (for the term)" },
};
