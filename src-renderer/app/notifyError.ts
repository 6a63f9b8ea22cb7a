import { message } from 'antd';
import { userMessage } from '../api/index.ts';
import { useSession } from '../stores/session.ts';

/** Toasts the user-facing message for a failed action. */
export function notifyError(err: unknown): void {
  void message.error(userMessage(err, useSession.getState().lang));
}
