// @vitest-environment jsdom
/**
 * The inbox over 100,000 rows: only a window of rows is in the DOM, the core is asked for pages by offset/limit
 * (never the whole list), unsigned rows are marked, ↑/↓ move the selection and Enter opens the document.
 */
import './setup-dom.ts';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { describe, expect, it } from 'vitest';
import type { InboxRow } from '../../shared/ipc/contract.ts';
import { setTransport } from '../../src-renderer/api/index.ts';
import { InboxPage } from '../../src-renderer/documents/inbox/InboxPage.tsx';
import { setupI18n } from '../../src-renderer/i18n/index.ts';
import { useRoute } from '../../src-renderer/stores/route.ts';
import { seededDirectory } from './directoryFixture.ts';
import { fakeTransport } from './fakeTransport.ts';

setupI18n('zh-CN');
// jsdom has no layout: give the inbox's scroll box the size a window would (600 px high ≈ 14 rows).
for (const [prop, size] of [['offsetHeight', 600], ['offsetWidth', 1200], ['clientHeight', 600], ['clientWidth', 1200]] as const) {
  const base = Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop) ?? Object.getOwnPropertyDescriptor(Element.prototype, prop);
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) { return this.dataset.testid === 'inbox-list' ? size : (base?.get?.call(this) as number | undefined) ?? 0; },
  });
}
const TOTAL = 100_000;

function rowAt(i: number): InboxRow {
  const hex = i.toString(16).padStart(12, '0');
  return {
    deliveryId: `0190a0b0-0000-7000-8000-${hex}`, documentId: `0190a0b1-0000-7000-8000-${hex}`,
    title: `第${i}份测试公文`, docNumberText: `哈政办发〔2026〕${i + 1}号`, urgency: i < 10 ? 'extra-urgent' : 'normal',
    senderUnit: 'BGT', senderUnitName: '哈尔滨市人民政府办公厅', role: 'main', status: i % 2 === 0 ? 'delivered' : 'signed',
    deliveredAt: '2026-11-27T08:00:00.000Z', read: false, remindCount: 0, pending: false,
  };
}

describe('inbox', () => {
  it('renders a window of 100,000 rows, fetches by offset/limit, and navigates with the keyboard', async () => {
    const t = fakeTransport({
      'directory.get': () => seededDirectory(),
      'documents.inbox': (input) => {
        const { offset, limit } = input as { offset: number; limit: number };
        const rows = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, k) => rowAt(offset + k));
        return { total: TOTAL, rows };
      },
    });
    setTransport(t);
    useRoute.setState({ route: { name: 'inbox' } });
    render(<AntApp><InboxPage /></AntApp>);

    expect((await screen.findByTestId('inbox-total')).textContent).toContain('100000');
    await waitFor(() => expect(screen.getAllByTestId('inbox-row')[0].textContent).toContain('第0份测试公文'));
    const rendered = screen.getAllByTestId('inbox-row');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    expect(rendered[0].className).toContain('is-unsigned');
    expect(rendered[1].className).not.toContain('is-unsigned');
    const inboxCalls = t.calls.filter((c) => c.channel === 'documents.inbox').map((c) => c.input as { offset: number; limit: number });
    expect(inboxCalls.every((c) => c.limit <= 100)).toBe(true);
    expect(inboxCalls.length).toBeLessThan(5);

    const list = screen.getByTestId('inbox-list');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    await waitFor(() => expect(document.querySelector('[data-testid=inbox-row][aria-selected=true]')?.getAttribute('data-index')).toBe('1'));
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(useRoute.getState().route).toEqual({ name: 'doc', id: rowAt(1).documentId, box: 'inbox' });
  });

  it('sends the filters to the core and shows the empty state', async () => {
    const t = fakeTransport({
      'directory.get': () => seededDirectory(),
      'documents.inbox': () => ({ total: 0, rows: [] }),
    });
    setTransport(t);
    render(<AntApp><InboxPage /></AntApp>);
    expect(await screen.findByText('没有收文')).toBeTruthy();
    fireEvent.click(screen.getByTestId('filter-unsigned').closest('label') ?? screen.getByTestId('filter-unsigned'));
    await waitFor(() => {
      const last = t.calls.filter((c) => c.channel === 'documents.inbox').at(-1)?.input as { filter: { unsignedOnly: boolean } };
      expect(last.filter.unsignedOnly).toBe(true);
    });
  });
});
