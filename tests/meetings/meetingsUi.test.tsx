// @vitest-environment jsdom
/**
 * The meeting screens in jsdom: the week view puts each meeting on its Shanghai day and marks the clashing pair,
 * and the organiser distributes 纪要 (the staged file goes to meetings.minutes; invited units see the minutes).
 */
import '../ui/setup-dom.ts';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { describe, expect, it } from 'vitest';
import type { AttachmentRef } from '../../shared/schemas/blobs.ts';
import type { MeetingDetail, MeetingRow } from '../../shared/schemas/meetingsIpc.ts';
import { setTransport } from '../../src-renderer/api/index.ts';
import { setupI18n } from '../../src-renderer/i18n/index.ts';
import { ensureMeetingStrings } from '../../src-renderer/meetings/i18n.ts';
import { MeetingMinutesPanel } from '../../src-renderer/meetings/MeetingMinutesPanel.tsx';
import { MeetingWeekView } from '../../src-renderer/meetings/MeetingWeekView.tsx';
import { toAttendanceByUnit } from '../../src-renderer/meetings/UnitAttendanceField.tsx';
import { fakeTransport } from '../ui/fakeTransport.ts';
import { MEETING_ID, meeting } from './fixtures.ts';

setupI18n('zh-CN');
ensureMeetingStrings();

function row(id: string, title: string, startAt: string, endAt: string, conflict: boolean): MeetingRow {
  return {
    id, title, type: 'work', startAt, endAt, place: '市政府第一会议室', status: 'sent', version: 1, urgency: 'normal',
    organiserUnit: 'BGT', organiserName: '市政府办公厅', replyDeadline: startAt, role: 'invited', pending: false, rejected: null,
    myState: 'unsigned', conflict, invited: 0, signed: 0, replied: 0,
  };
}

describe('meetings week view', () => {
  it('shows Monday–Sunday of the week, each meeting on its Shanghai day, the clashing pair marked', async () => {
    setTransport(fakeTransport({}));
    const rows = [
      // Tue 2026-12-01 09:00–11:30 and 10:00–12:00 Shanghai: a clash.
      row('01960000-0000-7000-8000-000000000001', '安全生产工作会议', '2026-12-01T01:00:00.000Z', '2026-12-01T03:30:00.000Z', true),
      row('01960000-0000-7000-8000-000000000002', '冬季供暖调度会', '2026-12-01T02:00:00.000Z', '2026-12-01T04:00:00.000Z', true),
      // Thu 2026-12-03 at 07:30 Shanghai = 23:30 UTC the day before: must land on Thursday, not Wednesday.
      row('01960000-0000-7000-8000-000000000003', '早班交接会', '2026-12-02T23:30:00.000Z', '2026-12-03T00:30:00.000Z', false),
      // The following week: not shown until 下一周.
      row('01960000-0000-7000-8000-000000000004', '下周例会', '2026-12-08T02:00:00.000Z', '2026-12-08T03:00:00.000Z', false),
    ];
    render(<AntApp><MeetingWeekView rows={rows} initial="2026-12-02T04:00:00.000Z" /></AntApp>);

    const days = await screen.findAllByTestId('week-day');
    expect(days.map((d) => d.dataset.day)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    const tuesday = days[1];
    const tueMeetings = within(tuesday).getAllByTestId('week-meeting');
    expect(tueMeetings.map((m) => m.textContent)).toEqual([expect.stringContaining('安全生产工作会议'), expect.stringContaining('冬季供暖调度会')]);
    expect(within(tuesday).getAllByTestId('week-conflict').map((x) => x.textContent)).toEqual(['时间冲突', '时间冲突']);
    expect(within(tueMeetings[0]).getByText('09:00—11:30')).toBeTruthy();

    const thursday = days[3];
    expect(within(thursday).getByTestId('week-meeting').textContent).toContain('早班交接会');
    expect(within(thursday).queryByTestId('week-conflict')).toBeNull();
    expect(within(days[2]).queryByTestId('week-meeting')).toBeNull();
    expect(screen.queryByText('下周例会')).toBeNull();

    fireEvent.click(screen.getByTestId('week-next'));
    await waitFor(() => expect(screen.getAllByTestId('week-day')[0].dataset.day).toBe('2026-12-07'));
    expect(screen.getByText('下周例会')).toBeTruthy();
    expect(screen.queryByText('安全生产工作会议')).toBeNull();
  });
});

const MINUTES: AttachmentRef = { sha256: 'a'.repeat(64), name: '会议纪要.pdf', size: 1234, kind: 'pdf' };

function detailOf(role: 'organiser' | 'invited', withMinutes: boolean): MeetingDetail {
  const m = meeting();
  return {
    meeting: withMinutes ? { ...m, minutes: [MINUTES], minutesNote: '请各单位抓好落实', minutesAt: '2026-11-21T02:00:00.000Z' } : m,
    pending: false, rejected: null, role, myReceipt: null, receipts: [], lastChange: null, roomConflicts: [],
  };
}

describe('meeting minutes (纪要)', () => {
  it('the organiser attaches a file and distributes it through meetings.minutes', async () => {
    const t = fakeTransport({
      'files.add': () => MINUTES,
      'meetings.minutes': () => ({ ok: true }),
    });
    setTransport(t);
    render(<AntApp><MeetingMinutesPanel detail={detailOf('organiser', false)} /></AntApp>);

    expect((await screen.findByTestId('minutes-none')).textContent).toBe('尚未上传纪要');
    const button = screen.getByTestId('minutes-distribute');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    const file = new File([new Uint8Array([37, 80, 68, 70])], '会议纪要.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByTestId('minutes-input'), { target: { files: [file] } });
    expect((await screen.findByTestId('minutes-staged')).textContent).toContain('会议纪要.pdf');
    fireEvent.change(screen.getByTestId('minutes-note-input'), { target: { value: '  请各单位抓好落实 ' } });
    await waitFor(() => expect((screen.getByTestId('minutes-distribute') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('minutes-distribute'));

    await waitFor(() => expect(t.calls.some((c) => c.channel === 'meetings.minutes')).toBe(true));
    expect(t.calls.find((c) => c.channel === 'meetings.minutes')?.input).toEqual({ meetingId: MEETING_ID, minutes: [MINUTES], note: '请各单位抓好落实' });
    await waitFor(() => expect(screen.queryByTestId('minutes-staged')).toBeNull());
  });

  it('an invited unit sees the distributed minutes and cannot attach any; without minutes it sees nothing', async () => {
    setTransport(fakeTransport({}));
    const { unmount } = render(<AntApp><MeetingMinutesPanel detail={detailOf('invited', true)} /></AntApp>);
    expect((await screen.findByTestId('minutes-file')).textContent).toBe('会议纪要.pdf');
    expect(screen.getByTestId('minutes-note').textContent).toBe('请各单位抓好落实');
    expect(screen.queryByTestId('minutes-distribute')).toBeNull();
    unmount();
    render(<AntApp><MeetingMinutesPanel detail={detailOf('invited', false)} /></AntApp>);
    expect(screen.queryByTestId('meeting-minutes')).toBeNull();
  });
});

describe('per-unit attendance rows of the notice form', () => {
  it('become attendanceByUnit: 1 leader + 1 staff for 道里区, empty or repeated rows dropped', () => {
    expect(toAttendanceByUnit([
      { unit: 'D-DAOLI', leaders: 1, staff: 1, extra: 0 },
      { unit: 'D-DAOLI', leaders: 3, staff: 0 },
      { unit: 'D-NANGANG', leaders: 0, staff: 2, extra: 1 },
      { unit: 'D-XIANGFANG', leaders: 0, staff: 0 },
      { leaders: 1 },
    ])).toEqual([
      { unit: 'D-DAOLI', requirement: { slots: [{ role: '领导', count: 1 }, { role: '工作人员', count: 1 }], extraAllowed: 0 } },
      { unit: 'D-NANGANG', requirement: { slots: [{ role: '工作人员', count: 2 }], extraAllowed: 1 } },
    ]);
  });
});
