/** One meeting: the notice itself, its 纪要, then the organiser's dashboard or the invited unit's sign/reply form. */
import { Alert, Button, Card, Descriptions, Space, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeRequirement } from '../../shared/domain/meetingsChange.ts';
import { formatShanghai, formatShanghaiRange } from '../../shared/domain/meetingsTime.ts';
import { requirementFor } from '../../shared/domain/meetingsValidate.ts';
import { MEETING_TYPE_LABELS } from '../../shared/schemas/meetings.ts';
import type { MeetingDetail } from '../../shared/schemas/meetingsIpc.ts';
import { getApi } from '../api/index.ts';
import { ErrorAlert } from '../app/ErrorAlert.tsx';
import { notifyError } from '../app/notifyError.ts';
import { useSession } from '../stores/session.ts';
import { downloadFile } from './download.ts';
import { MeetingDashboardPanel } from './MeetingDashboardPanel.tsx';
import { MeetingMinutesPanel } from './MeetingMinutesPanel.tsx';
import { ReplyPanel } from './ReplyPanel.tsx';
import { useMeetingData } from './useMeetingData.ts';

function Notice({ d, unit }: { d: MeetingDetail; unit: string }) {
  const { t } = useTranslation();
  const m = d.meeting;
  const changed = new Set<string>(d.lastChange?.diff.map((x) => x.field) ?? []);
  const mark = (field: string, node: React.ReactNode) => (changed.has(field) ? <span className="xt-changed" style={{ background: '#fff1b8' }}>{node}</span> : node);
  return (
    <Card title={<span data-testid="meeting-title">{m.title}</span>} extra={
      <Space>
        <Tag>{t(`meetings.status.${m.status}`)}</Tag>
        <Button size="small" data-testid="meeting-notice-pdf" onClick={() => getApi().meetings.noticePdf({ meetingId: m.id })
          .then((f) => downloadFile(f.fileName, f.data, 'application/pdf'), notifyError)}>{t('meetings.reply.printNotice')}</Button>
      </Space>
    } size="small">
      {d.lastChange && d.role === 'invited' ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="meeting-change-alert"
          title={`${t('meetings.reply.changed')}${d.lastChange.diff.map((x) => `${x.label}：${x.before} → ${x.after}`).join('；')}`} />
      ) : null}
      {m.status === 'cancelled' ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`${t('meetings.dash.cancelled')}：${m.cancelReason ?? ''}`} /> : null}
      <Descriptions size="small" column={2} items={[
        { key: 'type', label: t('meetings.form.type'), children: MEETING_TYPE_LABELS[m.type] },
        { key: 'time', label: t('meetings.colTime'), children: mark('startAt', formatShanghaiRange(m.startAt, m.endAt)) },
        { key: 'place', label: t('meetings.form.place'), children: mark('place', m.place) },
        { key: 'deadline', label: t('meetings.reply.deadline'), children: mark('replyDeadline', formatShanghai(m.replyDeadline)) },
        { key: 'req', label: t('meetings.reply.requirement'), children: describeRequirement(requirementFor(m, unit)) },
        { key: 'contact', label: t('meetings.form.contact'), children: `${m.organiserName} ${m.contactName} ${m.contactPhone}` },
        { key: 'agenda', label: t('meetings.form.agenda'), span: 2, children: mark('agenda', m.agenda.map((a, i) => `${i + 1}. ${a.topic}`).join('　')) },
        { key: 'notes', label: t('meetings.form.notes'), span: 2, children: mark('notes', m.notes ?? '') },
        { key: 'files', label: t('meetings.form.materials'), span: 2, children: m.materials.map((f) => <Tag key={f.sha256}>{f.name}</Tag>) },
      ]} />
    </Card>
  );
}

export function MeetingDetailPage({ meetingId }: { meetingId: string }) {
  const session = useSession((s) => s.session);
  const { data, error } = useMeetingData(() => getApi().meetings.get({ meetingId }), [meetingId]);
  if (error) return <ErrorAlert error={error} />;
  if (!data || !session) return <Spin />;
  const ended = Date.parse(data.meeting.endAt) <= Date.now();
  return (
    <div data-testid="meeting-page" data-role={data.role} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Notice d={data} unit={session.unit.code} />
      {ended ? <MeetingMinutesPanel detail={data} /> : null}
      {data.role === 'organiser' ? <MeetingDashboardPanel detail={data} /> : <ReplyPanel detail={data} />}
      {ended ? null : <MeetingMinutesPanel detail={data} />}
    </div>
  );
}
