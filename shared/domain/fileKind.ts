/**
 * Attachment type by content (magic bytes), never by the name alone. Pure: works on the first bytes of a file.
 */
import type { BlobKind } from '../schemas/blobs.ts';

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  return sig.every((v, i) => b[at + i] === v);
}

function asciiIncludes(b: Uint8Array, text: string): boolean {
  const s = Array.from(b.subarray(0, Math.min(b.length, 8192)), (c) => String.fromCharCode(c)).join('');
  return s.includes(text);
}

/** Detect from the first ≥ 8 KB of content; the name only disambiguates among OOXML/ZIP and OLE2 containers. */
export function detectFileKind(head: Uint8Array, fileName: string): BlobKind | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE2 compound file: legacy Word or Excel.
    if (ext === 'xls') return 'xls';
    if (ext === 'doc') return 'doc';
    return null;
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // ZIP container: OFD (OFD.xml at the root), DOCX (word/), XLSX (xl/).
    if (asciiIncludes(head, 'OFD.xml') || ext === 'ofd') return asciiIncludes(head, 'word/') || asciiIncludes(head, 'xl/') ? null : 'ofd';
    if (asciiIncludes(head, 'word/') || (ext === 'docx' && asciiIncludes(head, '[Content_Types].xml'))) return 'docx';
    if (asciiIncludes(head, 'xl/') || (ext === 'xlsx' && asciiIncludes(head, '[Content_Types].xml'))) return 'xlsx';
    return null;
  }
  return null;
}
