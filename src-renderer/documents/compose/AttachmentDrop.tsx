/**
 * Drag-and-drop attachments: each file is read and staged in the core (files.add checks type by content and
 * size); upload progress comes from the core's 'upload' events while the send goes out.
 */
import { DeleteOutlined, FilePdfOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Progress, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRef } from '../../../shared/schemas/blobs.ts';
import { MAX_BLOB_BYTES } from '../../../shared/schemas/blobs.ts';
import { ApiError, getApi } from '../../api/index.ts';
import { formatBytes } from '../../app/format.ts';
import { notifyError } from '../../app/notifyError.ts';
import { useSync } from '../../stores/sync.ts';

export const ACCEPT = '.pdf,.ofd,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.gif,.tif,.tiff';

export async function stageFile(file: File): Promise<AttachmentRef> {
  if (file.size > MAX_BLOB_BYTES) throw new ApiError('BLOB_TOO_LARGE', 'too large');
  const data = new Uint8Array(await file.arrayBuffer());
  return getApi().files.add({ name: file.name, data });
}

function FileRow({ file, onRemove }: { file: AttachmentRef; onRemove: () => void }) {
  const { t } = useTranslation();
  const progress = useSync((s) => s.uploads[file.sha256]);
  const pct = progress ? Math.round((progress.sent / Math.max(1, progress.total)) * 100) : 0;
  return (
    <div className="xt-file-row" data-testid="staged-file" data-name={file.name} style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '6px 0' }}>
      {file.kind === 'pdf' ? <FilePdfOutlined style={{ color: '#c8322d' }} /> : <PaperClipOutlined />}
      <span style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{file.name}</span>
      <span className="xt-dim" style={{ fontSize: 12 }}>{formatBytes(file.size)}</span>
      <span style={{ width: 160 }} data-testid="upload-progress" data-percent={pct}>
        {progress ? <Progress percent={pct} size="small" /> : <span className="xt-dim" style={{ fontSize: 12 }}>{t('compose.staged')}</span>}
      </span>
      <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('compose.remove')} onClick={onRemove} />
    </div>
  );
}

export interface AttachmentDropProps {
  files: AttachmentRef[];
  onChange: (files: AttachmentRef[]) => void;
  multiple: boolean;
  hint: string;
  testId: string;
}

export function AttachmentDrop({ files, onChange, multiple, hint, testId }: AttachmentDropProps) {
  const { t } = useTranslation();
  const [reading, setReading] = useState(0);
  let current = files;
  return (
    <div data-testid={testId}>
      {multiple || files.length === 0 ? (
        <Upload.Dragger
          multiple={multiple}
          accept={multiple ? ACCEPT : '.pdf,.ofd'}
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) => {
            setReading((n) => n + 1);
            stageFile(file as File).then(
              (ref) => {
                current = multiple ? [...current.filter((f) => f.sha256 !== ref.sha256), ref] : [ref];
                onChange(current);
                onSuccess?.(ref);
              },
              (e: unknown) => { notifyError(e); onError?.(e instanceof Error ? e : new Error(String(e))); },
            ).finally(() => setReading((n) => n - 1));
          }}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-hint">{reading > 0 ? t('compose.reading') : hint}</p>
        </Upload.Dragger>
      ) : null}
      {files.map((f) => <FileRow key={f.sha256} file={f} onRemove={() => onChange(files.filter((x) => x.sha256 !== f.sha256))} />)}
    </div>
  );
}
