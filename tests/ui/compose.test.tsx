// @vitest-environment jsdom
/**
 * The compose form: a wrongly typed 文号 is refused with the clear message, sending with no recipient says so,
 * classified secrecy is refused, and a good form sends exactly the typed fields (文号 parsed to its parts).
 */
import './setup-dom.ts';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { beforeEach, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../shared/errors.ts';
import { setTransport } from '../../src-renderer/api/index.ts';
import { AppMessages } from '../../src-renderer/app/notifyError.ts';
import { checkDocNumber } from '../../src-renderer/documents/compose/docNumberRule.ts';
import { ComposePage } from '../../src-renderer/documents/compose/ComposePage.tsx';
import { setupI18n } from '../../src-renderer/i18n/index.ts';
import { useDirectoryStore } from '../../src-renderer/stores/directory.ts';
import { useSession } from '../../src-renderer/stores/session.ts';
import { useSync } from '../../src-renderer/stores/sync.ts';
import { seededDirectory } from './directoryFixture.ts';
import { CodedFailure, fakeTransport, type FakeTransport } from './fakeTransport.ts';

setupI18n('zh-CN');
const directory = seededDirectory();
const BGT = directory.units.find((u) => u.code === 'BGT');
const MAIN_FILE = { sha256: 'b'.repeat(64), name: '通知.pdf', size: 1000, kind: 'pdf' as const };
let transport: FakeTransport;

beforeEach(() => {
  transport = fakeTransport({
    'directory.get': () => directory,
    'files.add': () => MAIN_FILE,
    'documents.send': () => ({ documentId: '0190a0b0-0000-7000-8000-0000000000aa' }),
    'documents.listDrafts': () => [],
  });
  setTransport(transport);
  useDirectoryStore.setState({ directory: null, byCode: new Map(), loading: false, error: null });
  useSession.setState({
    lang: 'zh-CN', checking: false, expired: false,
    session: {
      serverUrl: 'http://server',
      unit: BGT!,
      user: { id: '0190a0b0-0000-7000-8000-000000000001', username: 'bgt.clerk', displayName: '王敏', unitCode: 'BGT', roles: ['clerk'], title: '收发员', phone: null, disabled: false },
    },
  });
});

function renderCompose() {
  return render(<AntApp><AppMessages /><ComposePage draftId={null} /></AntApp>);
}

describe('文号 rule', () => {
  it('accepts the standard form and lenient brackets, refuses leading zeros, 第, and missing parts', () => {
    expect(checkDocNumber('哈政办发〔2026〕12号', 'zh-CN')).toEqual({ ok: true, value: { prefix: '哈政办发', year: 2026, sequence: 12 } });
    expect(checkDocNumber('哈政办发[2026]12号', 'zh-CN')).toMatchObject({ ok: true });
    expect(checkDocNumber('', 'zh-CN')).toEqual({ ok: true, value: null });
    for (const bad of ['哈政办发〔2026〕012号', '哈政办发〔2026〕第12号', '哈政办发2026年12号', '〔2026〕12号', 'HZBF〔2026〕12号']) {
      expect(checkDocNumber(bad, 'zh-CN')).toEqual({ ok: false, message: ERROR_MESSAGES.DOC_NUMBER_INVALID.zh });
    }
    expect(checkDocNumber('x', 'en-US')).toEqual({ ok: false, message: ERROR_MESSAGES.DOC_NUMBER_INVALID.en });
  });
});

describe('compose form', () => {
  it('shows the 文号 message while the field is wrong and clears it when corrected', async () => {
    renderCompose();
    const field = screen.getByTestId('compose-docnumber');
    fireEvent.change(field, { target: { value: '哈政办发〔2026〕012号' } });
    fireEvent.blur(field);
    expect(await screen.findByText(ERROR_MESSAGES.DOC_NUMBER_INVALID.zh, {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.change(field, { target: { value: '哈政办发〔2026〕12号' } });
    await waitFor(() => expect(screen.queryByText(ERROR_MESSAGES.DOC_NUMBER_INVALID.zh)).toBeNull(), { timeout: 10_000 });
  });

  it('refuses to send with no main recipient, and never calls the core', async () => {
    renderCompose();
    fireEvent.change(screen.getByTestId('compose-title'), { target: { value: '关于春节放假安排的通知' } });
    fireEvent.click(screen.getByTestId('compose-confirm'));
    fireEvent.click(screen.getByTestId('compose-send'));
    expect(await screen.findByText(ERROR_MESSAGES.DOC_NO_RECIPIENT.zh)).toBeTruthy();
    expect(transport.calls.some((c) => c.channel === 'documents.send')).toBe(false);
  });

  it('refuses classified material: the message shows and send is disabled', async () => {
    renderCompose();
    const select = screen.getByTestId('compose-secrecy').querySelector('.ant-select-content, .ant-select-selector') ?? screen.getByTestId('compose-secrecy');
    fireEvent.mouseDown(select);
    fireEvent.click(await screen.findByTitle('机密'));
    expect(await screen.findByTestId('classified-refused')).toBeTruthy();
    expect(screen.getByText(ERROR_MESSAGES.DOC_CLASSIFIED_REFUSED.zh)).toBeTruthy();
    expect((screen.getByTestId('compose-send') as HTMLButtonElement).disabled).toBe(true);
  });

  it('sends the typed fields with the 文号 parsed and the confirmation', async () => {
    renderCompose();
    await waitFor(() => expect(useDirectoryStore.getState().directory).not.toBeNull());
    fireEvent.change(screen.getByTestId('compose-title'), { target: { value: '关于春节放假安排的通知' } });
    fireEvent.change(screen.getByTestId('compose-docnumber'), { target: { value: '哈政办发［2026］3号' } });
    fireEvent.click(screen.getByTestId('compose-mainto-open'));
    fireEvent.click(await screen.findByTestId('group-districts-districts'));
    fireEvent.click(screen.getByTestId('compose-mainto-ok'));
    await waitFor(() => expect(screen.getByTestId('compose-mainto').getAttribute('data-count')).toBe('9'));
    const input = screen.getByTestId('drop-main').querySelector('input[type=file]') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([new Uint8Array([37, 80, 68, 70])], '通知.pdf', { type: 'application/pdf' })] } });
    });
    await screen.findByText('通知.pdf');
    fireEvent.click(screen.getByTestId('compose-confirm'));
    fireEvent.click(screen.getByTestId('compose-send'));
    await waitFor(() => expect(transport.calls.some((c) => c.channel === 'documents.send')).toBe(true));
    const sent = transport.calls.find((c) => c.channel === 'documents.send')?.input as Record<string, unknown>;
    expect(sent).toMatchObject({
      title: '关于春节放假安排的通知', docNumber: { prefix: '哈政办发', year: 2026, sequence: 3 }, urgency: 'normal', secrecy: 'none',
      copyTo: [], mainFile: MAIN_FILE, attachments: [], confirmNonClassified: true,
    });
    expect((sent.mainTo as string[]).sort()).toEqual(directory.groups[1].unitCodes.slice().sort());
  });

  it('shows the refusal for a file of a refused type and does not list it', async () => {
    transport = fakeTransport({ 'directory.get': () => directory, 'files.add': () => new CodedFailure('BLOB_TYPE_REFUSED') });
    setTransport(transport);
    renderCompose();
    const input = screen.getByTestId('drop-attachments').querySelector('input[type=file]') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([new Uint8Array([77, 90])], 'setup.pdf')] } });
    });
    expect(await screen.findByText(ERROR_MESSAGES.BLOB_TYPE_REFUSED.zh)).toBeTruthy();
    expect(screen.queryAllByTestId('staged-file')).toHaveLength(0);
  });

  it('shows upload progress from core events, and keeps a draft with what was typed', async () => {
    transport = fakeTransport({
      'directory.get': () => directory, 'files.add': () => MAIN_FILE,
      'documents.saveDraft': (input) => ({ id: '0190a0b0-0000-7000-8000-0000000000dd', draft: (input as { draft: object }).draft, updatedAt: '2026-11-27T08:00:00.000Z' }),
    });
    setTransport(transport);
    renderCompose();
    const input = screen.getByTestId('drop-main').querySelector('input[type=file]') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([new Uint8Array([37, 80, 68, 70])], '通知.pdf')] } });
    });
    await screen.findByText('通知.pdf');
    act(() => useSync.getState().apply({ type: 'upload', sha256: MAIN_FILE.sha256, sent: 250, total: 1000 }));
    await waitFor(() => expect(screen.getByTestId('upload-progress').getAttribute('data-percent')).toBe('25'));
    fireEvent.change(screen.getByTestId('compose-title'), { target: { value: '草稿：关于年度考核的通知' } });
    fireEvent.change(screen.getByTestId('compose-docnumber'), { target: { value: '哈政办发〔2026〕' } });
    fireEvent.click(screen.getByTestId('compose-save-draft'));
    await waitFor(() => expect(transport.calls.some((c) => c.channel === 'documents.saveDraft')).toBe(true));
    const saved = transport.calls.find((c) => c.channel === 'documents.saveDraft')?.input as { id: unknown; draft: Record<string, unknown> };
    // An unfinished 文号 is kept out of the draft rather than refused; everything else is kept.
    expect(saved).toMatchObject({ id: null, draft: { title: '草稿：关于年度考核的通知', docNumber: null, mainFile: MAIN_FILE, urgency: 'normal' } });
  });
});
