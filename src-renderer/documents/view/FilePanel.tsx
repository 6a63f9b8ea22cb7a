/** The main file and attachments of a document: tabs, the PDF viewer, download and print. */
import { DownloadOutlined, FileOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Progress, Space, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../shared/ipc/contract.ts';
import { getApi } from '../../api/index.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatBytes } from '../../app/format.ts';
import { useLoad } from '../../app/useLoad.ts';
import { useSync } from '../../stores/sync.ts';
import { downloadBytes, printPdf } from './fileActions.ts';
import { PdfViewer } from './PdfViewer.tsx';

type FileRef = DocumentDetail['files'][number];

/** While an attachment of ours is still going up, its progress from the core's 'upload' events. */
function UploadState({ file }: { file: FileRef }) {
  const { t } = useTranslation();
  const progress = useSync((s) => s.uploads[file.sha256]);
  if (file.uploaded) return null;
  const pct = progress ? Math.round((progress.sent / Math.max(1, progress.total)) * 100) : 0;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, width: 220 }} data-testid="file-upload-progress" data-percent={pct}>
      <span className="xt-dim" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{progress ? t('compose.uploading') : t('compose.staged')}</span>
      <Progress percent={pct} size="small" />
    </span>
  );
}

function FileView({ file }: { file: FileRef }) {
  const { t } = useTranslation();
  const bytes = useLoad(() => getApi().files.read({ sha256: file.sha256 }), [file.sha256]);
  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <span className="xt-dim">{file.name} · {formatBytes(file.size)}</span>
        <UploadState file={file} />
        <Button size="small" icon={<DownloadOutlined />} disabled={!bytes.data} data-testid="file-download"
          onClick={() => bytes.data && downloadBytes(bytes.data.data, bytes.data.kind, file.name)}>{t('doc.download')}</Button>
        {file.kind === 'pdf' ? (
          <Button size="small" icon={<PrinterOutlined />} disabled={!bytes.data} data-testid="file-print"
            onClick={() => bytes.data && printPdf(bytes.data.data)}>{t('doc.print')}</Button>
        ) : null}
      </Space>
      {bytes.error ? <ErrorAlert error={bytes.error} onRetry={bytes.reload} /> : null}
      {bytes.loading && !bytes.data ? <div className="xt-pdf xt-center"><Spin description={t('doc.loadingFile')} /></div> : null}
      {bytes.data && bytes.data.kind === 'pdf' ? <PdfViewer data={bytes.data.data} name={file.name} /> : null}
      {bytes.data && bytes.data.kind !== 'pdf' ? <Empty image={<FileOutlined style={{ fontSize: 48 }} />} description={t('doc.notPdf')} /> : null}
    </div>
  );
}

export function FilePanel({ detail }: { detail: DocumentDetail }) {
  const { t } = useTranslation();
  const main = detail.document.mainFile;
  const files: { key: string; label: string; file: FileRef }[] = [];
  const find = (sha: string) => detail.files.find((f) => f.sha256 === sha);
  if (main) {
    const f = find(main.sha256) ?? { ...main, available: false, uploaded: true };
    files.push({ key: `main-${main.sha256}`, label: t('doc.mainFile'), file: f });
  }
  detail.document.attachments.forEach((a, i) => {
    const f = find(a.sha256) ?? { ...a, available: false, uploaded: true };
    files.push({ key: `att-${i}-${a.sha256}`, label: `${t('doc.attachments')} ${i + 1}`, file: f });
  });
  const [active, setActive] = useState(files[0]?.key);
  if (files.length === 0) return <div className="xt-panel" style={{ padding: 48 }}><Empty description={t('doc.noFile')} /></div>;
  return (
    <div className="xt-panel" style={{ padding: '4px 16px 16px' }}>
      <Tabs
        activeKey={active}
        onChange={setActive}
        destroyOnHidden
        items={files.map((f) => ({ key: f.key, label: <span title={f.file.name}>{f.label}</span>, children: <FileView file={f.file} /> }))}
      />
    </div>
  );
}
