/** Meetings of the unit: a list (organised and invited), a week view and a month calendar, clashes marked. */
import { Button, Calendar, Card, Space, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MeetingRow } from '../../shared/schemas/meetingsIpc.ts';
import { shanghaiDayKey, formatShanghaiRange } from '../../shared/domain/meetingsTime.ts';
import { can } from '../../shared/domain/permissions.ts';
import { getApi } from '../api/index.ts';
import { useSession } from '../stores/session.ts';
import { goMeetings } from './MeetingsRoot.tsx';
import { useMeetingData } from './useMeetingData.ts';
import { MeetingWeekView } from './MeetingWeekView.tsx';

export function MeetingList() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const { data } = useMeetingData(() => getApi().meetings.list({}), []);
  const rows = data ?? [];
  const columns = [
    { title: t('meetings.colTitle'), key: 'title', render: (_: unknown, r: MeetingRow) => (
      <a data-testid="meeting-row" data-id={r.id} onClick={() => goMeetings(r.id)}>{r.title}</a>
    ) },
    { title: t('meetings.colTime'), key: 'time', render: (_: unknown, r: MeetingRow) => formatShanghaiRange(r.startAt, r.endAt) },
    { title: t('meetings.colPlace'), dataIndex: 'place', key: 'place' },
    { title: t('meetings.colStatus'), key: 'status', render: (_: unknown, r: MeetingRow) => (
      <Space size={4}>
        <Tag color={r.status === 'cancelled' ? 'default' : r.status === 'changed' ? 'orange' : 'blue'}>{t(`meetings.status.${r.status}`)}</Tag>
        {r.conflict ? <Tag color="red">{t('meetings.conflict')}</Tag> : null}
      </Space>
    ) },
    { title: t('meetings.colMine'), key: 'mine', render: (_: unknown, r: MeetingRow) => (r.myState ? t(`meetings.state.${r.myState}`) : t('meetings.organised')) },
    { title: t('meetings.colProgress'), key: 'progress', render: (_: unknown, r: MeetingRow) => (r.role === 'organiser' ? `${r.signed}/${r.replied}/${r.invited}` : '') },
  ];
  const byDay = new Map<string, MeetingRow[]>();
  for (const r of rows) byDay.set(shanghaiDayKey(r.startAt), [...(byDay.get(shanghaiDayKey(r.startAt)) ?? []), r]);
  const cell = (d: Dayjs) => (byDay.get(d.format('YYYY-MM-DD')) ?? []).map((r) => (
    <div key={r.id} onClick={() => goMeetings(r.id)} style={{ cursor: 'pointer', color: r.conflict ? '#cf1322' : undefined, fontSize: 12 }}
      data-testid="calendar-meeting" data-conflict={r.conflict ? 'true' : 'false'}>{r.conflict ? '⚠ ' : ''}{r.title}</div>
  ));
  return (
    <Card title={t('meetings.title')} data-testid="meetings-page" extra={session && can(session.user.roles, 'meetings.organise')
      ? <Button type="primary" data-testid="meeting-new" onClick={() => goMeetings('new')}>{t('meetings.newNotice')}</Button> : null}>
      <Tabs items={[
        { key: 'list', label: t('meetings.list'), children: <Table rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} /> },
        { key: 'week', label: t('meetings.week.tab'), children: <MeetingWeekView rows={rows} /> },
        { key: 'calendar', label: t('meetings.calendar'), children: <Calendar cellRender={(d, info) => (info.type === 'date' ? cell(d) : null)} /> },
      ]} />
    </Card>
  );
}
