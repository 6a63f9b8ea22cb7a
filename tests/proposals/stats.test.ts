import { describe, expect, it } from 'vitest';
import { computeStats, deadlineFlag, type StatsItem } from '../../shared/domain/proposalsStats.ts';
import { CN_CALENDAR } from '../../shared/domain/workdays.ts';

const S = '市十六届人大五次会议';
const it_ = (over: Partial<StatsItem>): StatsItem => ({
  kind: 'suggestion', year: 2026, session: S, status: 'assigned', leadUnit: 'D-DAOLI', coUnits: [], outcome: null, satisfaction: null,
  deadline: '2026-06-02', firstAnsweredOn: null, answeredOnTime: null, ...over,
});

describe('statistics', () => {
  const items: StatsItem[] = [
    it_({ status: 'registered', leadUnit: null, deadline: null }),
    it_({ status: 'returned' }), // returned by 道里, waiting for reassignment: not counted for 道里
    it_({ status: 'assigned', coUnits: ['D-NANGANG'] }),
    it_({ status: 'handling', deadline: '2026-05-29' }), // overdue on 2026-06-01
    it_({ status: 'closed', outcome: 'A', satisfaction: 'satisfied', firstAnsweredOn: '2026-05-01', answeredOnTime: true }),
    it_({ status: 'closed', leadUnit: 'D-NANGANG', outcome: 'B', satisfaction: 'basically', firstAnsweredOn: '2026-06-20', answeredOnTime: false }),
    it_({ status: 'handling', leadUnit: 'D-NANGANG', outcome: 'C', satisfaction: 'unsatisfied', firstAnsweredOn: '2026-04-01', answeredOnTime: true, deadline: '2026-06-15' }), // reopened after 不满意
    it_({ kind: 'proposal', session: '市政协十五届五次会议', status: 'answered', leadUnit: 'D-NANGANG', coUnits: ['D-DAOLI'], outcome: 'D', firstAnsweredOn: '2026-05-02', answeredOnTime: true }),
  ];
  const stats = computeStats(items, '2026-06-01');

  it('counts per lead unit as a person would by hand', () => {
    const daoli = stats.units.find((u) => u.unit === 'D-DAOLI')!;
    expect(daoli).toMatchObject({ assigned: 3, coHandled: 1, answered: 1, answeredOnTime: 1, overdue: 1, closed: 1, satisfied: 1, outcomes: { A: 1, B: 0, C: 0, D: 0 } });
    expect(daoli.satisfactionRate).toBe(1);
    const nangang = stats.units.find((u) => u.unit === 'D-NANGANG')!;
    expect(nangang).toMatchObject({ assigned: 3, coHandled: 1, answered: 3, answeredOnTime: 2, overdue: 0, basically: 1, unsatisfied: 1, outcomes: { A: 0, B: 1, C: 1, D: 1 } });
    expect(nangang.satisfactionRate).toBeCloseTo(0.5);
  });
  it('totals per session and overall', () => {
    expect(stats.total).toBe(8);
    expect(stats.totals).toMatchObject({ assigned: 6, answered: 4, answeredOnTime: 3, overdue: 1, closed: 2 });
    const npc = stats.sessions.find((s) => s.session === S)!;
    expect(npc).toMatchObject({ total: 7, assigned: 5, answered: 3 });
    expect(stats.sessions.find((s) => s.kind === 'proposal')).toMatchObject({ total: 1, answered: 1 });
  });
  it('has no satisfaction rate before any feedback', () => {
    expect(computeStats([it_({})], '2026-06-01').totals.satisfactionRate).toBeNull();
  });
});

describe('deadline flags', () => {
  it('marks open items overdue after the deadline and due soon within 5 working days', () => {
    expect(deadlineFlag({ status: 'handling', deadline: '2026-09-30' }, '2026-10-08', CN_CALENDAR)).toBe('overdue');
    // 2026-09-23 → 09-30: 9-24, 9-28, 9-29, 9-30 are working days (9-25..27 中秋) = 4 → due soon
    expect(deadlineFlag({ status: 'signed', deadline: '2026-09-30' }, '2026-09-23', CN_CALENDAR)).toBe('dueSoon');
    expect(deadlineFlag({ status: 'signed', deadline: '2026-09-30' }, '2026-09-16', CN_CALENDAR)).toBeNull();
    expect(deadlineFlag({ status: 'answered', deadline: '2026-09-30' }, '2026-10-08', CN_CALENDAR)).toBeNull();
  });
});
