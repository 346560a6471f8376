import { z } from 'zod';
import { ROLES } from './roles';

export const ZLoginRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10, 'mật khẩu mới phải có ít nhất 10 ký tự|the new password must have at least 10 characters').max(200),
});

export const ZMe = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    position: z.string().nullable(),
    email: z.string().nullable(),
    locale: z.string(),
    mustChangePassword: z.boolean(),
  }),
  tenant: z.object({ id: z.string(), code: z.string(), name: z.string(), parentName: z.string().nullable(), place: z.string() }),
  roles: z.array(z.object({ role: z.enum(ROLES), unitId: z.string().nullable(), unitName: z.string().nullable() })),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  /** What this person may do; the UI shows only these actions (STYLE.md 13). */
  capabilities: z.array(z.string()),
  csrfToken: z.string(),
});
export type TMe = z.infer<typeof ZMe>;
