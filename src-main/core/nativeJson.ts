/**
 * pdf.js's legacy build bundles core-js, which replaces the global JSON.stringify / JSON.parse with polyfills for the
 * JSON.rawJSON proposal (absent on Node 20). The replacement stringify is ~5× slower, and the core stringifies every
 * record it stores. This module is imported first by the core, keeps the engine's own functions, and puts them back
 * after pdf.js is loaded. Node 20's natives already produce well-formed, symbol-correct JSON; only rawJSON is lost,
 * which nothing here uses.
 */
const nativeStringify = JSON.stringify;
const nativeParse = JSON.parse;

export function restoreNativeJson(): void {
  if (JSON.stringify !== nativeStringify) JSON.stringify = nativeStringify;
  if (JSON.parse !== nativeParse) JSON.parse = nativeParse;
}
