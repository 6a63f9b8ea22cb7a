import { z } from 'zod';
import { TextSchema, UnitCodeSchema } from './common.ts';

export const UNIT_KINDS = ['general-office', 'district', 'county', 'department', 'development-zone'] as const;
export const UnitKindSchema = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export const UnitSchema = z.strictObject({
  code: UnitCodeSchema,
  name: TextSchema(60).min(2),
  shortName: TextSchema(20).min(1),
  kind: UnitKindSchema,
  parent: UnitCodeSchema.nullable(),
  /** 机关代字 used in this unit's 文号, e.g. 哈政办发. */
  docPrefix: TextSchema(12).nullable(),
  /** Pinyin initials of the name, for the unit picker search (e.g. SFGW for 市发展和改革委员会). */
  pinyin: z.string().max(60),
  disabled: z.boolean(),
  sortOrder: z.number().int(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const ROLES = ['clerk', 'secretary', 'handler', 'leader', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
export const ROLE_LABELS: Record<Role, string> = {
  clerk: '收发员', secretary: '秘书', handler: '承办人', leader: '领导', admin: '管理员',
};

export const UsernameSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, '用户名为3至40位小写字母、数字、点、横线');
export const PasswordSchema = z.string().min(8).max(128);

export const UserSchema = z.strictObject({
  id: z.uuid(),
  username: UsernameSchema,
  displayName: TextSchema(40).min(1),
  unitCode: UnitCodeSchema,
  roles: z.array(RoleSchema).min(1),
  title: TextSchema(40).nullable(),
  phone: TextSchema(30).nullable(),
  disabled: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const GROUP_KINDS = ['all', 'districts', 'counties', 'departments', 'custom'] as const;
export const RecipientGroupSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: TextSchema(40).min(1),
  kind: z.enum(GROUP_KINDS),
  unitCodes: z.array(UnitCodeSchema),
});
export type RecipientGroup = z.infer<typeof RecipientGroupSchema>;

/** The directory as a client sees it. */
export const DirectorySchema = z.strictObject({
  units: z.array(UnitSchema),
  groups: z.array(RecipientGroupSchema),
  /** Users of the caller's own unit only. */
  colleagues: z.array(UserSchema),
});
export type Directory = z.infer<typeof DirectorySchema>;
