import { z } from 'zod';

/** UUID (v7 for everything we create: records and mutations). */
export const IdSchema = z.uuid();
/** UTC instant as ISO-8601 text. */
export const InstantSchema = z.iso.datetime({ offset: true });
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 hex');
/** A unit code: letters, digits, dash (e.g. BGT, D-DAOLI). */
export const UnitCodeSchema = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/);
/** A user-visible short text: trimmed, no control characters. */
export const TextSchema = (max: number) =>
  z.string().trim().max(max).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/u, 'control characters are not allowed');
