/** Contracts of the `org` module: units and people. */
import { z } from 'zod';
import { zIsoDate, zRequiredText, zText, zUuid } from './common';
import { ROLES } from './roles';

export const UNIT_KINDS = [
  'leadership',
  'office',
  'department',
  'sub_department',
  'service_unit',
  'inspection',
  'union',
  'inspection_board',
  'editorial_board',
  'party',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, { vi: string; en: string }> = {
  leadership: { vi: 'Lãnh đạo cơ quan', en: 'Leadership' },
  office: { vi: 'Văn phòng', en: 'Office' },
  department: { vi: 'Phòng chuyên môn', en: 'Professional unit' },
  // A Chi cục is an administrative organisation of the Sở, not a public service unit (Decree
  // 24/2014/NĐ-CP Art. 5(2), as amended by Decree 45/2025/NĐ-CP).
  sub_department: { vi: 'Chi cục', en: 'Sub-department' },
  service_unit: { vi: 'Đơn vị sự nghiệp', en: 'Public service unit' },
  inspection: { vi: 'Thanh tra', en: 'Inspectorate' },
  union: { vi: 'Công đoàn cơ sở', en: 'Trade union' },
  inspection_board: { vi: 'Ban Thanh tra nhân dân', en: "People's Inspection Board" },
  editorial_board: { vi: 'Ban Biên tập', en: 'Editorial board' },
  party: { vi: 'Tổ chức Đảng', en: 'Party organisation' },
  other: { vi: 'Khác', en: 'Other' },
};

export const SUCCESSION_KINDS = ['merge', 'split', 'rename', 'transfer'] as const;
export const SUCCESSION_LABELS: Record<(typeof SUCCESSION_KINDS)[number], { vi: string; en: string }> = {
  merge: { vi: 'Hợp nhất / sáp nhập', en: 'Merge' },
  split: { vi: 'Chia tách', en: 'Split' },
  rename: { vi: 'Đổi tên', en: 'Rename' },
  transfer: { vi: 'Chuyển giao', en: 'Transfer' },
};

const unitFields = {
  code: zRequiredText(30).pipe(z.string().regex(/^[\p{L}\p{N}._-]+$/u, 'chỉ gồm chữ, số và . _ -|letters, digits and . _ - only')),
  name: zRequiredText(200),
  nameEn: zText(200).nullish(),
  kind: z.enum(UNIT_KINDS),
  parentId: zUuid.nullish(),
  validFrom: zIsoDate,
  validTo: zIsoDate.nullish(),
  staffCount: z.number().int().min(0).max(100_000),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  predecessors: z
    .array(z.object({ unitId: zUuid, kind: z.enum(SUCCESSION_KINDS) }))
    .max(20)
    .optional(),
};

const checkRange = (u: { validFrom?: string; validTo?: string | null }) => !u.validTo || !u.validFrom || u.validTo >= u.validFrom;
const rangeMessage = { message: 'ngày kết thúc phải sau ngày bắt đầu|must not be before validFrom', path: ['validTo'] };

export const ZCreateUnitRequest = z.object(unitFields).refine(checkRange, rangeMessage);
export type TCreateUnitRequest = z.infer<typeof ZCreateUnitRequest>;

export const ZUpdateUnitRequest = z
  .object(unitFields)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .refine(checkRange, rangeMessage);
export type TUpdateUnitRequest = z.infer<typeof ZUpdateUnitRequest>;

export const ZUnit = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  staffCount: z.number(),
  sortOrder: z.number(),
  version: z.number(),
  predecessors: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), effectiveOn: z.string() })),
  successors: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), effectiveOn: z.string() })),
  peopleCount: z.number(),
  abilities: z.object({ read: z.boolean(), update: z.boolean() }),
});
export type TUnit = z.infer<typeof ZUnit>;

export const ZUnitListQuery = z.object({
  /** Units in force on this day (default: today); `all=true` lists every unit ever. */
  at: zIsoDate.optional(),
  all: z.enum(['true', 'false']).optional(),
  q: zText(100).optional(),
});

const roleItem = z.object({ role: z.enum(ROLES), unitId: zUuid.nullish() });

export const ZCreatePersonRequest = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(50)
    .regex(/^[a-z0-9._-]+$/, 'chỉ gồm chữ thường không dấu, số và . _ -|lower-case letters, digits and . _ - only'),
  fullName: zRequiredText(150),
  position: zText(150).nullish(),
  email: z
    .email()
    .max(200)
    .nullish()
    .or(z.literal('').transform(() => null)),
  password: z.string().min(10, 'mật khẩu phải có ít nhất 10 ký tự|must have at least 10 characters').max(200),
  roles: z.array(roleItem).max(20),
});
export type TCreatePersonRequest = z.infer<typeof ZCreatePersonRequest>;

export const ZUpdatePersonRequest = z.object({
  version: z.number().int().min(1),
  fullName: zRequiredText(150).optional(),
  position: zText(150).nullish(),
  email: z
    .email()
    .max(200)
    .nullish()
    .or(z.literal('').transform(() => null)),
  isActive: z.boolean().optional(),
  roles: z.array(roleItem).max(20).optional(),
});
export type TUpdatePersonRequest = z.infer<typeof ZUpdatePersonRequest>;

export const ZResetPasswordRequest = z.object({
  password: z.string().min(10, 'mật khẩu phải có ít nhất 10 ký tự|must have at least 10 characters').max(200),
});

/** A grant of a role that carries case powers, waiting for a second person of the leadership. */
export const ZRoleRequest = z.object({
  id: z.string(),
  userId: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  /** Whether this reader may approve or refuse it. */
  canDecide: z.boolean(),
});
export type TRoleRequest = z.infer<typeof ZRoleRequest>;

export const ZPerson = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  email: z.string().nullable(),
  isActive: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
  roles: z.array(z.object({ role: z.enum(ROLES), unitId: z.string().nullable(), unitName: z.string().nullable() })),
  /** Roles carrying case powers granted but waiting for a second person of the leadership. */
  pendingRoles: z.array(ZRoleRequest),
});
export type TPerson = z.infer<typeof ZPerson>;

export const ZRoleDecision = z.object({ approved: z.boolean() });
