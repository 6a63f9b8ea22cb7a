/** A week of the unit's meetings (Monday–Sunday, Asia/Shanghai), one column per day, clashes marked in red. */
import { Button, Card, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHANGHAI_OFFSET_MS, formatShanghaiRange, shanghaiDayKey, shanghaiParts } from '../../shared/domain/meetingsTime.ts';
import type { MeetingRow } from '../../shared/schemas/meetingsIpc.ts';
import { goMeetings } from './MeetingsRoot.tsx';

const DAY_MS = 86_400_000;

/** The UTC instant (ms) of 00:00 Shanghai on the Monday of the week holding `instant`. */
export function weekStartOf(instant: string): number {
  const p = shanghaiParts(instant);
  const midnight = Date.UTC(p.year, p.month - 1, p.day) - SHANGHAI_OFFSET_MS;
  const weekday = (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7; // Monday = 0
  return midnight - weekday * DAY_MS;
}

export function MeetingWeekView({ rows, initial }: { rows: MeetingRow[]; initial?: string }) {
  const { t } = useTranslation();
  const [start, setStart] = useState(() => weekStartOf(initial ?? new Date().toISOString()));
  const days = Array.from({ length: 7 }, (_, i) => new Date(start + i * DAY_MS).toISOString());
  const byDay = new Map<string, MeetingRow[]>();
  for (const r of rows) byDay.set(shanghaiDayKey(r.startAt), [...(byDay.get(shanghaiDayKey(r.startAt)) ?? []), r]);
  const first = shanghaiParts(days[0]);
  const last = shanghaiParts(days[6]);
  return (
    <div data-testid="meeting-week">
      <Space style={{ marginBottom: 12 }}>
        <Button data-testid="week-prev" onClick={() => setStart((s) => s - 7 * DAY_MS)}>‹ {t('meetings.week.prev')}</Button>
        <Button onClick={() => setStart(weekStartOf(new Date().toISOString()))}>{t('meetings.week.today')}</Button>
        <Button data-testid="week-next" onClick={() => setStart((s) => s + 7 * DAY_MS)}>{t('meetings.week.next')} ›</Button>
        <span data-testid="week-range">{`${first.year}-${first.month}-${first.day} — ${last.year}-${last.month}-${last.day}`}</span>
      </Space>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(120px, 1fr))', gap: 8 }}>
        {days.map((d, i) => {
          const key = shanghaiDayKey(d);
          const p = shanghaiParts(d);
          const list = [...(byDay.get(key) ?? [])].sort((a, b) => a.startAt.localeCompare(b.startAt));
          return (
            <Card key={key} size="small" data-testid="week-day" data-day={key}
              title={<span>{t(`meetings.week.day${i}`)} <span style={{ color: '#8c8c8c', fontWeight: 400 }}>{p.month}/{p.day}</span></span>}
              styles={{ body: { padding: 8, minHeight: 160 } }}>
              {list.map((r) => (
                <div key={r.id} data-testid="week-meeting" data-id={r.id} data-conflict={r.conflict ? 'true' : 'false'} onClick={() => goMeetings(r.id)}
                  style={{
                    cursor: 'pointer', marginBottom: 6, padding: '4px 6px', borderRadius: 4, fontSize: 12,
                    borderLeft: `3px solid ${r.conflict ? '#cf1322' : r.status === 'cancelled' ? '#bfbfbf' : '#1677ff'}`,
                    background: r.conflict ? '#fff1f0' : '#f5f5f5',
                    textDecoration: r.status === 'cancelled' ? 'line-through' : undefined,
                  }}>
                  <div style={{ color: '#595959' }}>{formatShanghaiRange(r.startAt, r.endAt).replace(/^.*日 /, '')}</div>
                  <div style={{ fontWeight: 500 }}>{r.title}</div>
                  <div style={{ color: '#8c8c8c' }}>{r.place}</div>
                  {r.conflict ? <Tag color="red" data-testid="week-conflict" style={{ marginTop: 2 }}>{t('meetings.conflict')}</Tag> : null}
                </div>
              ))}
            </Card>
          );
        })}
      </div>
    </div>
  );
}
