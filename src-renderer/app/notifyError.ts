/**
 * Toasts through antd's App context (so they follow the theme and locale). AppMessages, rendered inside <AntApp>,
 * hands its message instance over; before that (or in tests without it) toasts are dropped silently.
 */
import { App } from 'antd';
import { useEffect } from 'react';
import { userMessage } from '../api/index.ts';
import { useSession } from '../stores/session.ts';

type MessageApi = ReturnType<typeof App.useApp>['message'];
let current: MessageApi | null = null;

export function AppMessages(): null {
  const { message } = App.useApp();
  useEffect(() => {
    current = message;
    return () => { if (current === message) current = null; };
  }, [message]);
  return null;
}

export const toast = {
  success(text: string): void { void current?.success(text); },
  error(text: string): void { void current?.error(text); },
};

/** Toasts the user-facing message for a failed action. */
export function notifyError(err: unknown): void {
  toast.error(userMessage(err, useSession.getState().lang));
}
