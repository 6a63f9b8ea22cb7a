/** Drafts kept in the local store: open one into the form, or delete it. */
import { Button, Drawer, Empty, List, Popconfirm } from 'antd';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { DraftSchema } from '../../../shared/ipc/contract.ts';
import { getApi } from '../../api/index.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { notifyError } from '../../app/notifyError.ts';
import { useLoad } from '../../app/useLoad.ts';
import { useSession } from '../../stores/session.ts';

type Draft = z.infer<typeof DraftSchema>;

export function DraftsDrawer({ open, onClose, onOpen }: { open: boolean; onClose: () => void; onOpen: (d: Draft) => void }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const drafts = useLoad(() => (open ? getApi().documents.listDrafts({}) : Promise.resolve([] as Draft[])), [open]);
  return (
    <Drawer open={open} onClose={onClose} title={t('compose.drafts')} size={420}>
      {drafts.error ? <ErrorAlert error={drafts.error} onRetry={drafts.reload} /> : null}
      {drafts.data && drafts.data.length === 0 ? <Empty description={t('compose.noDrafts')} /> : null}
      <List
        loading={drafts.loading}
        dataSource={drafts.data ?? []}
        renderItem={(d) => (
          <List.Item actions={[
            <Button key="o" type="link" onClick={() => onOpen(d)}>{t('compose.loadDraft')}</Button>,
            <Popconfirm key="d" title={t('compose.deleteDraft')} onConfirm={() => getApi().documents.deleteDraft({ id: d.id }).then(drafts.reload, notifyError)}>
              <Button type="link" danger>{t('compose.deleteDraft')}</Button>
            </Popconfirm>,
          ]}>
            <List.Item.Meta title={d.draft.title ?? '—'} description={formatDateTime(d.updatedAt, lang)} />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
