/** Bottom bar: online/offline, outbox size, uploads, last sync; lets the user sync now or work offline. */
import { CloudServerOutlined, DisconnectOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { getApi } from '../api/index.ts';
import { useSession } from '../stores/session.ts';
import { useSync } from '../stores/sync.ts';
import { formatDateTime } from './format.ts';
import { notifyError } from './notifyError.ts';

export function StatusBar() {
  const { t } = useTranslation();
  const status = useSync((s) => s.status);
  const setStatus = useSync((s) => s.setStatus);
  const lang = useSession((s) => s.lang);
  const online = status?.online ?? false;
  const run = (p: Promise<Parameters<typeof setStatus>[0]>) => p.then(setStatus, notifyError);
  return (
    <div className="xt-statusbar" data-testid="status-bar" data-online={online ? 'yes' : 'no'}>
      <Space size="large">
        <span data-testid="status-online">
          <span style={{ color: online ? '#2f9e44' : '#c8322d' }}>{online ? <CloudServerOutlined /> : <DisconnectOutlined />} {online ? t('status.online') : t('status.offline')}</span>
          {online && status?.live ? <span className="xt-dim"> · {t('status.live')}</span> : null}
        </span>
        <span data-testid="status-pending" data-count={status?.pending ?? 0}>{t('status.pending', { count: status?.pending ?? 0 })}</span>
        {status && status.uploading > 0 ? <span>{t('status.uploading', { count: status.uploading })}</span> : null}
        {status && status.rejected.length > 0 ? (
          <Tooltip title={status.rejected.map((r) => r.message).join('\n')}>
            <span className="xt-danger">{t('status.rejected', { count: status.rejected.length })}</span>
          </Tooltip>
        ) : null}
      </Space>
      <Space>
        <span className="xt-dim" data-testid="status-last-synced">
          {status?.lastSyncedAt ? t('status.lastSynced', { time: formatDateTime(status.lastSyncedAt, lang) }) : t('status.neverSynced')}
        </span>
        <Button size="small" type="text" icon={<SyncOutlined />} onClick={() => run(getApi().sync.now({}))}>{t('status.syncNow')}</Button>
        <Button size="small" type="text" data-testid="toggle-offline" onClick={() => run(getApi().sync.setOffline({ offline: online }))}>
          {online ? t('status.workOffline') : t('status.goOnline')}
        </Button>
      </Space>
    </div>
  );
}

export function OfflineBanner() {
  const { t } = useTranslation();
  const status = useSync((s) => s.status);
  if (!status || status.online) return null;
  return <div className="xt-offline-banner" role="status" data-testid="offline-banner"><DisconnectOutlined /> {t('status.offlineBanner')}</div>;
}
