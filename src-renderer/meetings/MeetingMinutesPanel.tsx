/** 纪要: after the meeting the organiser attaches the minutes and distributes them; every invited unit sees and downloads them. */
import { Alert, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShanghai } from '../../shared/domain/meetingsTime.ts';
import type { AttachmentRef } from '../../shared/schemas/blobs.ts';
import type { MeetingDetail } from '../../shared/schemas/meetingsIpc.ts';
import { getApi } from '../api/index.ts';
import { notifyError, toast } from '../app/notifyError.ts';
import { stageFiles } from './stageFiles.ts';
import { downloadFile } from './download.ts';

function openFile(f: AttachmentRef): void {
  getApi().files.read({ sha256: f.sha256 }).then((r) => downloadFile(f.name, r.data, 'application/octet-stream'), notifyError);
}

export function MeetingMinutesPanel({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation();
  const m = detail.meeting;
  const [files, setFiles] = useState<AttachmentRef[]>([]);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const canAttach = detail.role === 'organiser' && m.status !== 'cancelled';
  if (!canAttach && m.minutes.length === 0) return null;

  const addFiles = (list: FileList | null) => stageFiles(list, setFiles);

  async function distribute() {
    setSending(true);
    try {
      await getApi().meetings.minutes({ meetingId: m.id, minutes: files, note: note.trim() || null });
      setFiles([]);
      setNote('');
      toast.success(t('meetings.minutes.distributed'));
    } catch (e) {
      notifyError(e);
    } finally {
      setSending(false);
    }
  }

  return (
    <Card title={t('meetings.minutes.heading')} size="small" data-testid="meeting-minutes">
      {m.minutes.length > 0 ? (
        <div style={{ marginBottom: canAttach ? 12 : 0 }}>
          <Space wrap>
            {m.minutes.map((f) => <Tag key={f.sha256} color="blue" data-testid="minutes-file" style={{ cursor: 'pointer' }} onClick={() => openFile(f)}>{f.name}</Tag>)}
          </Space>
          {m.minutesNote ? <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="minutes-note">{m.minutesNote}</Typography.Paragraph> : null}
          {m.minutesAt ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('meetings.minutes.at')}：{formatShanghai(m.minutesAt)}</Typography.Text> : null}
        </div>
      ) : !canAttach ? null : <Typography.Text type="secondary" data-testid="minutes-none">{t('meetings.minutes.none')}</Typography.Text>}
      {canAttach ? (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}>
          {Date.parse(m.endAt) > Date.now() ? <Alert type="info" showIcon title={t('meetings.minutes.afterMeeting')} /> : null}
          <Space wrap>
            <input type="file" accept=".pdf,.doc,.docx,.ofd" multiple aria-label={t('meetings.minutes.add')} data-testid="minutes-input" onChange={(e) => void addFiles(e.target.files)} />
            {files.map((f) => <Tag key={f.sha256} data-testid="minutes-staged" closable onClose={() => setFiles((xs) => xs.filter((x) => x.sha256 !== f.sha256))}>{f.name}</Tag>)}
          </Space>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('meetings.minutes.note')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="minutes-note-input" />
          <div>
            <Button type="primary" data-testid="minutes-distribute" disabled={files.length === 0} loading={sending} onClick={() => void distribute()}>{t('meetings.minutes.distribute')}</Button>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
