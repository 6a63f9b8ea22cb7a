/**
 * jsdom gaps antd needs (see known-good-stack.md): window.matchMedia, getComputedStyle with pseudo-elements,
 * ResizeObserver. Imported first by every UI test file.
 */
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

if (!window.matchMedia) {
  window.matchMedia = (query: string) => ({
    matches: false, media: query, onchange: null,
    addListener: () => undefined, removeListener: () => undefined,
    addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false,
  }) as MediaQueryList;
}
const original = window.getComputedStyle.bind(window);
window.getComputedStyle = ((el: Element) => original(el)) as typeof window.getComputedStyle;
if (!('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
}
// antd under jsdom is slow on a loaded 2-core machine: give async queries room (they still fail when nothing comes).
configure({ asyncUtilTimeout: 15_000 });
afterEach(() => cleanup());
