/** Inputs of the PDF operations on existing files (receipt stamp, watermark, merge). */
import { z } from 'zod';

const Line = (max: number) =>
  z.string().trim().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]*$/u, 'control characters are not allowed');

/** 收文章: receiving unit, 收文日期 (YYYY-MM-DD), 收文编号. */
export const ReceiptStampSchema = z.strictObject({
  unit: Line(40),
  date: z.iso.date(),
  number: Line(40),
});
export type ReceiptStamp = z.infer<typeof ReceiptStampSchema>;

/** Watermark on printed/exported copies: who, where and when. `time` is shown as given (e.g. 2026-03-05 14:30). */
export const WatermarkSchema = z.strictObject({
  unit: Line(40),
  user: Line(40),
  time: Line(40),
});
export type Watermark = z.infer<typeof WatermarkSchema>;

export const MergeInputSchema = z
  .array(z.strictObject({ name: Line(200), data: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'PDF bytes expected') }))
  .min(1)
  .max(200);
export type MergeInput = z.infer<typeof MergeInputSchema>;
