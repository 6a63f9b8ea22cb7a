/** 已发: every sent document with its signing progress (n of N), queued and failed sends marked. */
import { Empty, Progress, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SentRow } from '../../../shared/ipc/contract.ts';
import { ERROR_MESSAGES, isErrorCode } from '../../../shared/errors.ts';
import { getApi } from '../../api/index.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useLoad } from '../../app/useLoad.ts';
import { useRoute } from '../../stores/route.ts';
import { useSession } from '../../stores/session.ts';
import { useSync } from '../../stores/sync.ts';
import { UrgencyTag } from '../labels.tsx';

const PAGE = 50;

export function SentPage() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const tick = useSync((s) => s.changeTick);
  const go = useRoute((s) => s.go);
  const [page, setPage] = useState(1);
  const sent = useLoad(() => getApi().documents.sent({ offset: (page - 1) * PAGE, limit: PAGE }), [page, tick]);

  const columns = [
    { key: 'u', title: t('inbox.urgency'), width: 80, render: (r: SentRow) => <UrgencyTag urgency={r.urgency} /> },
    { key: 'n', title: t('inbox.docNumber'), width: 200, render: (r: SentRow) => r.docNumberText ?? '—' },
    {
      key: 't', title: t('inbox.docTitle'), ellipsis: true, render: (r: SentRow) => (
        <span>
          {r.title}
          {r.pending ? <Tag color="processing" style={{ marginLeft: 8 }}>{t('sent.queued')}</Tag> : null}
          {r.rejected ? <Tag color="error" style={{ marginLeft: 8 }} title={isErrorCode(r.rejected.code) ? ERROR_MESSAGES[r.rejected.code][lang === 'en-US' ? 'en' : 'zh'] : r.rejected.message}>{t('sent.rejected')}</Tag> : null}
        </span>
      ),
    },
    { key: 'd', title: t('doc.sentAt'), width: 160, render: (r: SentRow) => formatDateTime(r.sentAt, lang) },
    {
      key: 'p', title: t('sent.progress'), width: 240, render: (r: SentRow) => (
        <div data-testid="sent-row-progress" data-signed={r.signed} data-total={r.recipients}>
          <Progress percent={r.recipients ? Math.round((r.signed / r.recipients) * 100) : 0} size="small" format={() => `${r.signed}/${r.recipients}`} />
          {r.refused > 0 ? <span className="xt-danger" style={{ fontSize: 12 }}>{t('sent.refusedN', { count: r.refused })}</span> : null}
        </div>
      ),
    },
  ];

  return (
    <div>
      <h1 className="xt-page-title">{t('sent.title')}</h1>
      {sent.error ? <ErrorAlert error={sent.error} onRetry={sent.reload} /> : null}
      <div className="xt-panel">
        <Table<SentRow>
          rowKey="documentId"
          size="middle"
          loading={sent.loading && !sent.data}
          columns={columns}
          dataSource={sent.data?.rows ?? []}
          locale={{ emptyText: <Empty description={t('sent.emptyTitle')} /> }}
          pagination={{ current: page, pageSize: PAGE, total: sent.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          onRow={(r) => ({ onClick: () => go({ name: 'doc', id: r.documentId, box: 'sent' }), style: { cursor: 'pointer' }, 'data-testid': 'sent-row' } as object)}
        />
      </div>
    </div>
  );
}
