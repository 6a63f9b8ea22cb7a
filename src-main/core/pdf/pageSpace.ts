/**
 * Visual page coordinates for drawing on existing pages whatever their /Rotate and box origin:
 * (vx, vy) in pt from the visual bottom-left → user space, plus the text rotation that reads upright.
 */
import { degrees, type PDFPage } from 'pdf-lib';

export interface PageSpace {
  width: number;
  height: number;
  rotation: number;
  toUser(vx: number, vy: number): { x: number; y: number };
  angle: ReturnType<typeof degrees>;
}

export function pageSpace(page: PDFPage): PageSpace {
  const box = page.getCropBox();
  const { x: x0, y: y0, width: W, height: H } = box;
  const r = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const map: Record<0 | 90 | 180 | 270, (vx: number, vy: number) => { x: number; y: number }> = {
    0: (vx, vy) => ({ x: x0 + vx, y: y0 + vy }),
    90: (vx, vy) => ({ x: x0 + W - vy, y: y0 + vx }),
    180: (vx, vy) => ({ x: x0 + W - vx, y: y0 + H - vy }),
    270: (vx, vy) => ({ x: x0 + vy, y: y0 + H - vx }),
  };
  const rot = r in map ? r : 0;
  const swap = rot === 90 || rot === 270;
  return { width: swap ? H : W, height: swap ? W : H, rotation: rot, toUser: map[rot], angle: degrees(rot) };
}
