/** The organiser's live dashboard: counts against what was required, one row per unit, 催办, exports, cancellation. */
import { Button, Card, Input, Popconfirm, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../shared/schemas/meetingsIpc.ts';
import { getApi } from '../api/index.ts';
import { notifyError, toast } from '../app/notifyError.ts';
import { downloadFile } from './download.ts';
import { useMeetingData } from './useMeetingData.ts';

export function MeetingDashboardPanel({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation();
  const meetingId = detail.meeting.id;
  const { data } = useMeetingData(() => getApi().meetings.dashboard({ meetingId }), [meetingId]);
  const [reason, setReason] = useState('');
  if (!data) return null;
  const c = data.counts;
  const act = async (fn: () => Promise<void>) => { try { await fn(); } catch (e) { notifyError(e); } };
  const stats: [string, number, string][] = [
    ['invited', c.invited, 'dash-invited'], ['signed', c.signed, 'dash-signed'], ['replied', c.replied, 'dash-replied'], ['leave', c.leave, 'dash-leave'],
    ['substitute', c.substitute, 'dash-substitute'], ['notAnswered', c.notAnswered, 'dash-not-answered'], ['reconfirm', c.reconfirm, 'dash-reconfirm'],
  ];
  const open = detail.meeting.status !== 'cancelled';
  return (
    <Card title={t('meetings.dash.heading')} size="small" data-testid="meeting-dashboard" extra={
      <Space>
        <Button data-testid="dash-remind" disabled={!open || c.unsigned + c.notAnswered + c.reconfirm === 0} onClick={() => void act(async () => {
          const { reminded } = await getApi().meetings.remind({ meetingId });
          toast.success(t('meetings.dash.reminded', { n: reminded }));
        })}>{t('meetings.dash.remind')}</Button>
        <Button data-testid="dash-xlsx" onClick={() => void act(async () => {
          const f = await getApi().meetings.exportAttendeesXlsx({ meetingId });
          downloadFile(f.fileName, f.data, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        })}>{t('meetings.dash.exportXlsx')}</Button>
        <Button data-testid="dash-signin" onClick={() => void act(async () => {
          const f = await getApi().meetings.signInSheetPdf({ meetingId });
          downloadFile(f.fileName, f.data, 'application/pdf');
        })}>{t('meetings.dash.signIn')}</Button>
        {open ? (
          <Popconfirm title={<Input placeholder={t('meetings.dash.cancelReason')} value={reason} onChange={(e) => setReason(e.target.value)} />}
            onConfirm={() => void act(async () => { await getApi().meetings.cancel({ meetingId, reason: reason || '因故取消' }); })}>
            <Button danger>{t('meetings.dash.cancel')}</Button>
          </Popconfirm>
        ) : null}
      </Space>
    }>
      <Space size="large" wrap style={{ marginBottom: 12 }}>
        {stats.map(([k, v, id]) => <Statistic key={k} title={t(`meetings.dash.${k}`)} value={v} data-testid={id} />)}
        <Statistic title={`${t('meetings.dash.attendees')} / ${t('meetings.dash.required')}`} value={`${c.attendees} / ${c.required}`} data-testid="dash-attendees" />
      </Space>
      <Table rowKey="unit" size="small" pagination={false} dataSource={data.rows} onRow={(r) => ({ 'data-testid': 'dash-row', 'data-unit': r.unit, 'data-state': r.state } as React.HTMLAttributes<HTMLElement>)} columns={[
        { title: t('meetings.dash.unit'), dataIndex: 'unitName', key: 'unit' },
        { title: t('meetings.dash.state'), key: 'state', render: (_: unknown, r) => <Tag color={r.state === 'unsigned' ? 'red' : r.state === 'reconfirm' ? 'orange' : 'green'}>{t(`meetings.state.${r.state}`)}</Tag> },
        { title: t('meetings.dash.people'), key: 'people', render: (_: unknown, r) => (r.reply && r.reply.kind !== 'leave' ? `${r.attendees}/${r.required}：${r.reply.attendees.map((a) => a.name).join('、')}` : r.reply?.kind === 'leave' ? r.reply.reason : '') },
        { title: t('meetings.dash.remindCount'), dataIndex: 'remindCount', key: 'remind' },
      ]} />
    </Card>
  );
}
