/**
 * Statistics of 建议提案 handling as pure functions over item states (what the office shows to leaders).
 * Definitions (also shown in the UI):
 * - assigned: items whose lead unit (主办) is the unit, excluding items it returned that still await reassignment;
 *   coHandled counts items where it is a co-handling unit (协办).
 * - answered: items replied to at least once; answeredOnTime: the first reply came on or before the handling deadline.
 * - outcomes: the current category A/B/C/D of answered items.
 * - satisfied / basically / unsatisfied: the latest feedback; satisfactionRate = (满意 + 基本满意) / items with feedback.
 * - overdue: assigned, signed or being handled (not answered in the current round) and today is after the deadline.
 * - closed: feedback 满意 or 基本满意 recorded.
 */
import type { Proposal } from '../schemas/proposals.ts';
import type { DeadlineFlag, ProposalStats, StatsLine } from '../schemas/proposalsIpc.ts';
import { type CalendarDate, type WorkdayCalendar, workingDaysBetween } from './workdays.ts';

export type StatsItem = Pick<Proposal,
  'kind' | 'year' | 'session' | 'status' | 'leadUnit' | 'coUnits' | 'outcome' | 'satisfaction' | 'deadline' | 'firstAnsweredOn' | 'answeredOnTime'>;

/** Working days ahead within which an open item counts as due soon. */
export const DUE_SOON_WORKING_DAYS = 5;
const OPEN: ReadonlySet<string> = new Set(['assigned', 'signed', 'handling']);

export function isOverdue(item: Pick<Proposal, 'status' | 'deadline'>, today: CalendarDate): boolean {
  return OPEN.has(item.status) && item.deadline !== null && today > item.deadline;
}

export function deadlineFlag(item: Pick<Proposal, 'status' | 'deadline'>, today: CalendarDate, cal: WorkdayCalendar): DeadlineFlag | null {
  if (!OPEN.has(item.status) || item.deadline === null) return null;
  if (today > item.deadline) return 'overdue';
  return workingDaysBetween(cal, today, item.deadline) <= DUE_SOON_WORKING_DAYS ? 'dueSoon' : null;
}

const emptyLine = (): StatsLine => ({
  assigned: 0, answered: 0, answeredOnTime: 0, outcomes: { A: 0, B: 0, C: 0, D: 0 },
  satisfied: 0, basically: 0, unsatisfied: 0, satisfactionRate: null, overdue: 0, closed: 0,
});

function addTo(line: StatsLine, it: StatsItem, today: CalendarDate, countAssigned: boolean): void {
  if (countAssigned) line.assigned++;
  if (it.firstAnsweredOn !== null) line.answered++;
  if (it.answeredOnTime === true) line.answeredOnTime++;
  if (it.outcome !== null) line.outcomes[it.outcome]++;
  if (it.satisfaction !== null) line[it.satisfaction]++;
  if (isOverdue(it, today)) line.overdue++;
  if (it.status === 'closed') line.closed++;
}

function finish<T extends StatsLine>(line: T): T {
  const rated = line.satisfied + line.basically + line.unsatisfied;
  line.satisfactionRate = rated === 0 ? null : (line.satisfied + line.basically) / rated;
  return line;
}

export function computeStats(items: Iterable<StatsItem>, today: CalendarDate): ProposalStats {
  const totals = emptyLine();
  const units = new Map<string, StatsLine & { unit: string; coHandled: number }>();
  const sessions = new Map<string, StatsLine & { kind: StatsItem['kind']; year: number; session: string; total: number }>();
  const unitLine = (unit: string) => {
    let l = units.get(unit);
    if (!l) units.set(unit, (l = { unit, coHandled: 0, ...emptyLine() }));
    return l;
  };
  let total = 0;
  for (const it of items) {
    total++;
    const isAssigned = it.leadUnit !== null && it.status !== 'registered' && it.status !== 'returned';
    addTo(totals, it, today, isAssigned);
    const key = `${it.kind}|${it.year}|${it.session}`;
    let s = sessions.get(key);
    if (!s) sessions.set(key, (s = { kind: it.kind, year: it.year, session: it.session, total: 0, ...emptyLine() }));
    s.total++;
    addTo(s, it, today, isAssigned);
    if (isAssigned) addTo(unitLine(it.leadUnit!), it, today, true);
    if (it.status !== 'registered') for (const co of it.coUnits) unitLine(co).coHandled++;
  }
  return {
    asOf: today,
    total,
    totals: finish(totals),
    units: [...units.values()].map(finish).sort((a, b) => b.assigned - a.assigned || a.unit.localeCompare(b.unit)),
    sessions: [...sessions.values()].map(finish).sort((a, b) => b.year - a.year || a.kind.localeCompare(b.kind) || a.session.localeCompare(b.session)),
  };
}
