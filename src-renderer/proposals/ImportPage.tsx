/** Bulk import: pick a file, see every row checked (errors, similar titles of earlier years), then import all or nothing. */
import { Alert, App, Button, Card, Progress, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportPreviewRow } from '../../shared/schemas/proposalsIpc.ts';
import { getApi, onCoreEvent } from '../api/index.ts';
import { notifyError } from '../app/notifyError.ts';
import { goProposals } from './ProposalsRoot.tsx';

export function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [reading, setReading] = useState<{ done: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => onCoreEvent((e) => { if (e.type === 'progress' && e.task === 'proposals.import') setReading({ done: e.done, total: e.total }); }), []);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setPreview(null);
    setReading({ done: 0, total: 0 });
    try {
      setPreview(await getApi().proposals.importPreview({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) }));
    } catch (e) {
      notifyError(e);
    } finally {
      setReading(null);
    }
  };
  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await getApi().proposals.importCommit({ previewId: preview.previewId });
      message.success(t('proposals.imp.committed', { n: r.imported }));
      goProposals(null);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card data-testid="proposals-import">
      <Space direction="vertical" style={{ width: '100%' }}>
        <span className="xt-dim">{t('proposals.imp.template')}</span>
        <label><Button onClick={(e) => (e.currentTarget.nextElementSibling as HTMLInputElement | null)?.click()}>{t('proposals.imp.pick')}</Button>
          <input type="file" accept=".xlsx,.csv" style={{ display: 'none' }} data-testid="import-file" onChange={(e) => void pick(e.target.files?.[0])} /></label>
        {reading ? <Progress percent={reading.total ? Math.round((reading.done / reading.total) * 100) : 10} status="active" format={() => t('proposals.imp.reading')} /> : null}
        {preview ? (<>
          <Alert type={preview.invalid ? 'warning' : 'success'} data-testid="import-summary" message={t('proposals.imp.summary', preview)}
            description={preview.invalid ? t('proposals.imp.blocked') : undefined} />
          <Button type="primary" disabled={preview.invalid > 0 || preview.total === 0} loading={busy} onClick={commit} data-testid="import-commit">{t('proposals.imp.commit')}</Button>
          <Table rowKey="row" size="small" dataSource={preview.rows.filter((r) => r.errors.length || r.similar.length).concat(preview.rows.filter((r) => !r.errors.length && !r.similar.length)).slice(0, 500)}
            pagination={{ pageSize: 20 }} columns={[
              { title: t('proposals.imp.row'), dataIndex: 'row', width: 60 },
              { title: t('proposals.col.title'), key: 'title', render: (_: unknown, r: ImportPreviewRow) => r.draft?.title ?? '' },
              { title: t('proposals.imp.errors'), key: 'e', render: (_: unknown, r: ImportPreviewRow) => r.errors.map((e) => <Tag color="red" key={e.field + e.message}>{e.field}：{e.message}</Tag>) },
              { title: t('proposals.imp.similar'), key: 's', render: (_: unknown, r: ImportPreviewRow) => r.similar.map((s) => <Tag color="orange" key={s.id}>{s.year} {s.title}（{Math.round(s.score * 100)}%）</Tag>) },
            ]} />
        </>) : null}
      </Space>
    </Card>
  );
}
