/** Shows the zh-CN/en message for an error code (never a stack trace); the code stays visible for support. */
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ERROR_MESSAGES } from '../../shared/errors.ts';
import { ApiError, errorCodeOf, userMessage } from '../api/index.ts';
import { useSession } from '../stores/session.ts';

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const lang = useSession((s) => s.lang);
  const { t } = useTranslation();
  if (!error) return null;
  // The host's own zh-CN text says which field failed (e.g. 请添加正文文件); show it under the code's message.
  const known: string[] = error instanceof ApiError ? [ERROR_MESSAGES[error.code].zh, ERROR_MESSAGES[error.code].en] : [];
  const detail = error instanceof ApiError && error.message && !known.includes(error.message) ? error.message : null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-alert"
      data-code={errorCodeOf(error)}
      title={userMessage(error, lang)}
      description={<>{detail ? <div>{detail}</div> : null}<span className="xt-code">{errorCodeOf(error)}</span></>}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
