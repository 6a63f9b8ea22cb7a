/**
 * pdf-lib ↔ upstream fontkit 2.x. pdf-lib expects the API of @pdf-lib/fontkit 1.x, whose CJK subsets are broken
 * (tofu). Differences bridged here: fontkit 2 returns a FontCollection for .ttc files (we pick the face by
 * postscript name or take the first), and its Subset has encode() instead of encodeStream().
 * Parsed fonts are cached per byte array so a document generator does not re-parse 7 MB OTFs each time.
 */
import { Readable } from 'node:stream';
import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0];
export type FontkitFont = fontkit.Font;

interface SubsetLike {
  encode(): Uint8Array;
  encodeStream?: () => Readable;
}

function isCollection(x: fontkit.Font | fontkit.FontCollection): x is fontkit.FontCollection {
  return Array.isArray((x as fontkit.FontCollection).fonts);
}

const parsed = new WeakMap<Uint8Array, Map<string, fontkit.Font>>();

/** Parses font bytes (OTF/TTF, or one face of a TTC) with fontkit 2, cached by byte array and face name. */
export function openFont(bytes: Uint8Array, postscriptName?: string): fontkit.Font {
  const key = postscriptName ?? '';
  let byName = parsed.get(bytes);
  if (!byName) {
    byName = new Map();
    parsed.set(bytes, byName);
  }
  const hit = byName.get(key);
  if (hit) return hit;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const opened = fontkit.create(buf, postscriptName);
  const font = isCollection(opened)
    ? (opened.fonts.find((f) => f.postscriptName === postscriptName) ?? opened.fonts[0])
    : opened;
  byName.set(key, font);
  return font;
}

function patchSubset<T extends SubsetLike>(subset: T): T {
  if (typeof subset.encodeStream !== 'function') {
    subset.encodeStream = () => Readable.from([subset.encode()]);
  }
  return subset;
}

/** The object to pass to `pdfDoc.registerFontkit()`. */
export function makeFontkit(): PdfLibFontkit {
  const adapter = {
    create(buffer: Uint8Array, postscriptName?: string) {
      const font = openFont(buffer, postscriptName) as fontkit.Font & { createSubset(): SubsetLike; __patched?: true };
      if (!font.__patched) {
        // Each call still returns a new Subset, so documents never share subset state.
        const original = font.createSubset.bind(font);
        font.createSubset = () => patchSubset(original());
        font.__patched = true;
      }
      return font;
    },
  };
  return adapter as unknown as PdfLibFontkit;
}
