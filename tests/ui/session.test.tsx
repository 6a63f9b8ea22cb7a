// @vitest-environment jsdom
/** The app shell: a stored session opens the inbox; an expired session returns to login with the message; language switch. */
import './setup-dom.ts';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setTransport } from '../../src-renderer/api/index.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { setupI18n } from '../../src-renderer/i18n/index.ts';
import { useSession } from '../../src-renderer/stores/session.ts';
import { seededDirectory } from './directoryFixture.ts';
import { CodedFailure, fakeTransport } from './fakeTransport.ts';

setupI18n('zh-CN');
const directory = seededDirectory();
const session = {
  serverUrl: 'http://server', unit: directory.units[1],
  user: { id: '0190a0b0-0000-7000-8000-000000000002', username: 'daoli.clerk', displayName: '道里区收发员', unitCode: 'D-DAOLI', roles: ['clerk' as const], title: null, phone: null, disabled: false },
};
const status = { online: true, live: true, pending: 2, uploading: 0, lastSyncedAt: null, lastError: null, rejected: [] };

describe('app shell', () => {
  it('opens on the inbox for a stored session, switches language, and returns to login when the session expires', async () => {
    useSession.setState({ session: null, checking: true, expired: false, lang: 'zh-CN' });
    const t = fakeTransport({
      'auth.session': () => session,
      'auth.remembered': () => ({ serverUrl: 'http://server', username: 'daoli.clerk' }),
      'directory.get': () => directory,
      'documents.inbox': () => ({ total: 0, rows: [] }),
      'documents.counts': () => ({ unsigned: 0, unread: 0, urgentUnsigned: 0 }),
      'sync.status': () => status,
    });
    setTransport(t);
    render(<App />);
    expect((await screen.findByTestId('header-unit')).textContent).toBe('哈尔滨市道里区人民政府');
    expect((await screen.findByTestId('status-pending')).textContent).toBe('待发送 2 项');
    fireEvent.click(screen.getByTestId('lang-switch'));
    expect((await screen.findByTestId('status-pending')).textContent).toBe('2 waiting to send');
    fireEvent.click(screen.getByTestId('lang-switch'));
    await screen.findByText('待发送 2 项');

    act(() => t.emit({ type: 'notify', kind: 'session-expired', title: '登录已过期', body: '', documentId: null }));
    expect(await screen.findByTestId('login-expired')).toBeTruthy();
    expect(screen.getByText('登录已过期，请重新登录')).toBeTruthy();
  });

  it('shows the wrong-password and unreachable-server messages on the login screen', async () => {
    useSession.setState({ session: null, checking: true, expired: false, lang: 'zh-CN' });
    let answer: CodedFailure = new CodedFailure('AUTH_BAD_PASSWORD');
    setTransport(fakeTransport({
      'auth.session': () => null,
      'auth.remembered': () => ({ serverUrl: null, username: null }),
      'auth.login': () => answer,
    }));
    render(<App />);
    fireEvent.change(await screen.findByTestId('login-username'), { target: { value: 'daoli.clerk' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('用户名或密码错误')).toBeTruthy();
    answer = new CodedFailure('SERVER_UNREACHABLE');
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('无法连接服务器')).toBeTruthy();
  });
});
