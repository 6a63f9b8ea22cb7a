/** One document: metadata, the files in pdf.js, and the actions of the caller's side (recipient or sender). */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Descriptions, Skeleton, Space, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDocNumber } from '../../../shared/domain/docNumber.ts';
import { getApi } from '../../api/index.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useLoad } from '../../app/useLoad.ts';
import { unitName, useDirectory } from '../../stores/directory.ts';
import { useRoute } from '../../stores/route.ts';
import { useSession } from '../../stores/session.ts';
import { useSync } from '../../stores/sync.ts';
import { UrgencyTag } from '../labels.tsx';
import { SenderPanel } from '../sent/SenderPanel.tsx';
import { FilePanel } from './FilePanel.tsx';
import { RecipientActions } from './RecipientActions.tsx';

export function DocumentPage({ documentId, box }: { documentId: string; box: 'inbox' | 'sent' }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const session = useSession((s) => s.session);
  const tick = useSync((s) => s.changeTick);
  const go = useRoute((s) => s.go);
  const { byCode } = useDirectory();
  const detail = useLoad(() => getApi().documents.get({ documentId }), [documentId, tick]);
  const mine = detail.data?.myDelivery ?? null;

  useEffect(() => {
    if (mine && mine.readAt === null) getApi().documents.markRead({ deliveryId: mine.id }).catch(() => undefined);
  }, [mine?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  if (detail.error && !detail.data) return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <div className="xt-panel" style={{ padding: 24 }}><Skeleton active paragraph={{ rows: 8 }} /></div>;
  const { document: doc } = detail.data;
  const isSender = session?.unit.code === doc.senderUnit;
  const names = (codes: string[]) => codes.map((c) => unitName(byCode, c)).join('、') || '—';

  const meta = (
    <div className="xt-panel" style={{ padding: 16 }} data-testid="doc-meta">
      <Space style={{ marginBottom: 8 }}>
        <UrgencyTag urgency={doc.urgency} />
        <Tag>{t(`secrecy.${doc.secrecy}`)}</Tag>
        {detail.data.pending ? <Tag color="processing">{t('common.pendingSync')}</Tag> : null}
      </Space>
      <h2 className="xt-doc-title" data-testid="doc-title">{doc.title}</h2>
      <div className="xt-dim" style={{ marginBottom: 12 }} data-testid="doc-number">{doc.docNumber ? formatDocNumber(doc.docNumber) : '—'}</div>
      <Descriptions size="small" column={1} items={[
        { key: 'sender', label: t('doc.sender'), children: unitName(byCode, doc.senderUnit) },
        { key: 'by', label: t('doc.sentBy'), children: doc.createdByName },
        { key: 'at', label: t('doc.sentAt'), children: formatDateTime(doc.sentAt, lang) },
        { key: 'to', label: t('doc.mainTo'), children: names(doc.mainTo) },
        ...(doc.copyTo.length ? [{ key: 'cc', label: t('doc.copyTo'), children: names(doc.copyTo) }] : []),
        ...(doc.note ? [{ key: 'note', label: t('doc.note'), children: doc.note }] : []),
      ]} />
      {mine ? <div style={{ borderTop: '1px solid #eef0f4', paddingTop: 12, marginTop: 8 }}><RecipientActions delivery={mine} onDone={detail.reload} /></div> : null}
    </div>
  );

  return (
    <div data-testid="document-page" data-document-id={doc.id}>
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0, marginBottom: 8 }}
        onClick={() => go({ name: box })}>{t('common.back')}</Button>
      {isSender && detail.data.deliveries.length > 0 ? (
        <div style={{ marginBottom: 16 }}><SenderPanel detail={detail.data} onDone={detail.reload} /></div>
      ) : null}
      <div className="xt-doc-layout">
        <FilePanel detail={detail.data} />
        {meta}
      </div>
    </div>
  );
}
