/**
 * Fonts for the 公文 layout: one font per role (小标宋, 仿宋, 黑体, 楷体, 宋体), bundled free fonts by default
 * (Fandol, GPL + font exception) and a per-character fallback chain (WenQuanYi Micro Hei, then any
 * configured or system Noto CJK). A character no font has is an error (PDF_GLYPH_MISSING), never tofu.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { AppError } from '../../../shared/errors.ts';
import type { FontRole, FontSource, PdfFontSettings } from '../../../shared/schemas/gongwen.ts';
import { makeFontkit, openFont, type FontkitFont } from './fontkitAdapter.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Bundled fonts; a packaged app sets XT_FONTS_DIR to its resources/fonts. */
export const BUNDLED_FONTS_DIR = process.env.XT_FONTS_DIR ?? path.resolve(here, '../../../resources/fonts');

export const BUNDLED_ROLE_FILES: Record<FontRole, string> = {
  xiaobiaosong: 'FandolSong-Bold.otf',
  fangsong: 'FandolFang-Regular.otf',
  heiti: 'FandolHei-Regular.otf',
  kaiti: 'FandolKai-Regular.otf',
  songti: 'FandolSong-Regular.otf',
};
export const BUNDLED_FALLBACK = 'WenQuanYiMicroHei.ttf';
/** System fonts tried last when present (Debian fonts-noto-cjk). */
const SYSTEM_FALLBACKS: FontSource[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', postscriptName: 'NotoSerifCJKsc-Regular' },
];

const bytesCache = new Map<string, Uint8Array>();
function readFontBytes(file: string): Uint8Array {
  let b = bytesCache.get(file);
  if (!b) {
    b = new Uint8Array(fs.readFileSync(file));
    bytesCache.set(file, b);
  }
  return b;
}

export interface LoadedFont {
  key: string;
  source: FontSource;
  bytes: Uint8Array;
  font: FontkitFont;
}

const loadedCache = new Map<string, LoadedFont>();
function load(source: FontSource): LoadedFont {
  const key = `${source.path}#${source.postscriptName ?? ''}`;
  let f = loadedCache.get(key);
  if (!f) {
    const bytes = readFontBytes(source.path);
    const font = openFont(bytes, source.postscriptName);
    f = { key, source, bytes, font };
    loadedCache.set(key, f);
  }
  return f;
}

/** The resolved chain: for each role its own font first, then the shared fallbacks. */
export class FontSet {
  readonly roles: Record<FontRole, LoadedFont>;
  readonly fallbacks: LoadedFont[];
  private readonly pick = new Map<string, LoadedFont | null>();

  constructor(settings?: Partial<PdfFontSettings>) {
    const roleSource = (r: FontRole): FontSource =>
      settings?.roles?.[r] ?? { path: path.join(BUNDLED_FONTS_DIR, BUNDLED_ROLE_FILES[r]) };
    const roles = {} as Record<FontRole, LoadedFont>;
    for (const r of Object.keys(BUNDLED_ROLE_FILES) as FontRole[]) {
      try {
        roles[r] = load(roleSource(r));
      } catch (e) {
        throw new AppError('INTERNAL', { font: roleSource(r).path, reason: String(e) }, `无法加载字体 ${roleSource(r).path}`);
      }
    }
    this.roles = roles;
    const fb: FontSource[] = [
      ...(settings?.fallbacks ?? []),
      { path: path.join(BUNDLED_FONTS_DIR, BUNDLED_FALLBACK) },
      ...SYSTEM_FALLBACKS,
    ];
    this.fallbacks = fb.filter((s) => fs.existsSync(s.path)).map(load);
  }

  /** The first font of the role's chain that has a glyph for the code point, or null. */
  fontFor(role: FontRole, cp: number): LoadedFont | null {
    const k = `${role}:${cp}`;
    const hit = this.pick.get(k);
    if (hit !== undefined) return hit;
    let found: LoadedFont | null = null;
    for (const f of [this.roles[role], ...this.fallbacks]) {
      if (f.font.hasGlyphForCodePoint(cp)) {
        found = f;
        break;
      }
    }
    this.pick.set(k, found);
    return found;
  }

  /** Characters of the text no font in the role's chain can draw (spaces and line breaks excepted). */
  missing(role: FontRole, text: string): string[] {
    const out = new Set<string>();
    for (const ch of text) {
      if (/\s/u.test(ch)) continue;
      if (!this.fontFor(role, ch.codePointAt(0)!)) out.add(ch);
    }
    return [...out];
  }
}

let defaultSet: FontSet | null = null;
export function defaultFontSet(): FontSet {
  defaultSet ??= new FontSet();
  return defaultSet;
}

/** Per-document embedding of the fonts a FontSet hands out: always subset, deterministic subset tags. */
export class DocFonts {
  private readonly embedded = new Map<string, Promise<PDFFont>>();
  constructor(private readonly doc: PDFDocument) {
    doc.registerFontkit(makeFontkit());
  }
  get(f: LoadedFont): Promise<PDFFont> {
    let p = this.embedded.get(f.key);
    if (!p) {
      p = this.doc.embedFont(f.bytes, { subset: true, customName: `${subsetTag(f.font.postscriptName, this.embedded.size)}+${f.font.postscriptName}` });
      this.embedded.set(f.key, p);
    }
    return p;
  }
}

/** Six upper-case letters derived from the font name and its order in the document (PDF 32000 §9.6.4). */
function subsetTag(name: string, n: number): string {
  let h = 2166136261 ^ n;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + i * 7919;
  }
  return tag;
}
