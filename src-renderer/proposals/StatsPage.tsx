/** Statistics for leaders: per unit (bar chart, click to drill down to the unit's items), outcome categories, per session. */
import { Button, Card, Col, Row, Statistic, Table } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useTranslation } from 'react-i18next';
import type { ProposalStats } from '../../shared/schemas/proposalsIpc.ts';
import { getApi } from '../api/index.ts';
import { useLoad } from '../app/useLoad.ts';
import { notifyError } from '../app/notifyError.ts';
import { unitName, useDirectory } from '../stores/directory.ts';
import { useSync } from '../stores/sync.ts';
import { downloadFile } from '../meetings/download.ts';
import { goProposals } from './ProposalsRoot.tsx';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function StatsPage() {
  const { t } = useTranslation();
  const { byCode } = useDirectory();
  const tick = useSync((s) => s.changeTick);
  const stats = useLoad(() => getApi().proposals.stats({}), [tick]);
  const s = stats.data;
  if (!s) return <Card loading={stats.loading} />;
  const units = s.units.slice(0, 20);
  const bar = {
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 10, bottom: 70, top: 30 },
    xAxis: { type: 'category', data: units.map((u) => unitName(byCode, u.unit)), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('proposals.st.assigned'), type: 'bar', data: units.map((u) => u.assigned) },
      { name: t('proposals.st.answered'), type: 'bar', data: units.map((u) => u.answered) },
      { name: t('proposals.st.onTime'), type: 'bar', data: units.map((u) => u.answeredOnTime) },
      { name: t('proposals.st.overdue'), type: 'bar', data: units.map((u) => u.overdue) },
    ],
  };
  const pie = {
    animation: false, tooltip: { trigger: 'item' }, legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: (['A', 'B', 'C', 'D'] as const).map((k) => ({ name: t(`proposals.outcome.${k}`), value: s.totals.outcomes[k] })) }],
  };
  const exportXlsx = () => getApi().proposals.exportStatsXlsx({}).then(
    (f) => downloadFile(f.fileName, f.data, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), notifyError);
  type UnitLine = ProposalStats['units'][number];
  return (
    <div data-testid="proposals-stats">
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={4}><Card size="small"><Statistic title={t('proposals.st.total')} value={s.total} /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title={t('proposals.st.assigned')} value={s.totals.assigned} /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title={t('proposals.st.answered')} value={s.totals.answered} data-testid="stat-answered" /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title={t('proposals.st.onTime')} value={s.totals.answeredOnTime} /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title={t('proposals.st.overdue')} value={s.totals.overdue} /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title={t('proposals.st.rate')} value={pct(s.totals.satisfactionRate)} /></Card></Col>
      </Row>
      <Row gutter={12}>
        <Col span={16}>
          <Card size="small" title={t('proposals.st.perUnit')} extra={<span className="xt-dim">{t('proposals.st.drill')}</span>}>
            <ReactECharts option={bar} style={{ height: 320 }} onEvents={{ click: (p: { dataIndex: number }) => goProposals(null, { unit: units[p.dataIndex].unit }) }} />
          </Card>
        </Col>
        <Col span={8}><Card size="small" title={t('proposals.st.outcomes')}><ReactECharts option={pie} style={{ height: 320 }} /></Card></Col>
      </Row>
      <Card size="small" style={{ marginTop: 12 }} title={`${t('proposals.st.perUnit')} · ${t('proposals.st.asOf', { d: s.asOf })}`}
        extra={<Button data-testid="stats-export" onClick={exportXlsx}>{t('proposals.exportXlsx')}</Button>}>
        <Table rowKey="unit" size="small" pagination={false} dataSource={s.units} columns={[
          { title: t('proposals.st.unit'), key: 'u', render: (_: unknown, r: UnitLine) => <a onClick={() => goProposals(null, { unit: r.unit })}>{unitName(byCode, r.unit)}</a> },
          { title: t('proposals.st.assigned'), dataIndex: 'assigned' }, { title: t('proposals.st.coHandled'), dataIndex: 'coHandled' },
          { title: t('proposals.st.answered'), dataIndex: 'answered' }, { title: t('proposals.st.onTime'), dataIndex: 'answeredOnTime' },
          { title: 'A/B/C/D', key: 'o', render: (_: unknown, r: UnitLine) => `${r.outcomes.A}/${r.outcomes.B}/${r.outcomes.C}/${r.outcomes.D}` },
          { title: t('proposals.st.rate'), key: 'rate', render: (_: unknown, r: UnitLine) => pct(r.satisfactionRate) },
          { title: t('proposals.st.overdue'), dataIndex: 'overdue' }, { title: t('proposals.st.closed'), dataIndex: 'closed' },
        ]} />
      </Card>
      <Card size="small" style={{ marginTop: 12 }} title={t('proposals.st.perSession')}>
        <Table rowKey={(r) => `${r.kind}|${r.session}`} size="small" pagination={false} dataSource={s.sessions} columns={[
          { title: t('proposals.detail.session'), key: 's', render: (_: unknown, r: ProposalStats['sessions'][number]) => `${r.session}（${t(`proposals.kind.${r.kind}`)}）` },
          { title: t('proposals.st.total'), dataIndex: 'total' }, { title: t('proposals.st.answered'), dataIndex: 'answered' },
          { title: t('proposals.st.onTime'), dataIndex: 'answeredOnTime' }, { title: t('proposals.st.closed'), dataIndex: 'closed' },
          { title: t('proposals.st.rate'), key: 'rate', render: (_: unknown, r: ProposalStats['sessions'][number]) => pct(r.satisfactionRate) },
        ]} />
      </Card>
    </div>
  );
}
