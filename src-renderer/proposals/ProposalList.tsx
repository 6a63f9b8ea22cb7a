/** Items the unit may see, filtered by status, deadline (overdue / due soon highlighted), unit and full text. */
import { Alert, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../shared/schemas/proposals.ts';
import type { DeadlineFlag, ProposalRow } from '../../shared/schemas/proposalsIpc.ts';
import { getApi } from '../api/index.ts';
import { useLoad } from '../app/useLoad.ts';
import { unitName, useDirectory } from '../stores/directory.ts';
import { useSync } from '../stores/sync.ts';
import { goProposals } from './ProposalsRoot.tsx';

export function ProposalList({ unit }: { unit: string | null }) {
  const { t } = useTranslation();
  const { byCode } = useDirectory();
  const tick = useSync((s) => s.changeTick);
  const [status, setStatus] = useState<ProposalStatus | null>(null);
  const [deadline, setDeadline] = useState<DeadlineFlag | null>(null);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const list = useLoad(() => getApi().proposals.list({
    filter: { statuses: status ? [status] : [], deadline, unit, query: query.trim() || null }, sort: deadline ? 'deadline' : 'number', offset: (page - 1) * 50, limit: 50,
  }), [status, deadline, unit, query, page, tick]);
  // reminders: open items past or near their deadline
  const due = useLoad(async () => {
    const count = async (deadline: DeadlineFlag) => (await getApi().proposals.list({ filter: { deadline, unit }, limit: 1 })).total;
    return { overdue: await count('overdue'), dueSoon: await count('dueSoon') };
  }, [unit, tick]);
  const columns = [
    { title: t('proposals.col.number'), key: 'number', width: 80, render: (_: unknown, r: ProposalRow) => `${t(`proposals.kind.${r.kind}`)}${r.number}` },
    { title: t('proposals.col.title'), key: 'title', render: (_: unknown, r: ProposalRow) => (
      <a data-testid="proposal-row" data-number={r.number} onClick={() => goProposals(r.id)}>{r.title}</a>
    ) },
    { title: t('proposals.col.author'), dataIndex: 'leadAuthor', key: 'author', width: 100 },
    { title: t('proposals.col.lead'), key: 'lead', width: 110, render: (_: unknown, r: ProposalRow) => (r.leadUnit ? unitName(byCode, r.leadUnit) : '') },
    { title: t('proposals.col.status'), key: 'status', width: 100, render: (_: unknown, r: ProposalRow) => (
      <Space size={2}><Tag color={r.status === 'closed' ? 'green' : r.status === 'returned' ? 'orange' : 'blue'}>{t(`proposals.status.${r.status}`)}</Tag>{r.pending ? <Tag>{t('proposals.detail.pending')}</Tag> : null}</Space>
    ) },
    { title: t('proposals.col.deadline'), key: 'deadline', width: 130, render: (_: unknown, r: ProposalRow) => (
      <span data-testid="proposal-deadline" style={{ color: r.deadlineFlag === 'overdue' ? '#cf1322' : r.deadlineFlag === 'dueSoon' ? '#d46b08' : undefined }}>
        {r.deadline ?? ''}{r.deadlineFlag ? ` · ${t(`proposals.filter.${r.deadlineFlag}`)}` : ''}
      </span>
    ) },
    { title: t('proposals.col.outcome'), key: 'outcome', width: 110, render: (_: unknown, r: ProposalRow) => (r.outcome ? t(`proposals.outcome.${r.outcome}`) : '') },
    { title: t('proposals.col.satisfaction'), key: 'satisfaction', width: 90, render: (_: unknown, r: ProposalRow) => (r.satisfaction ? t(`proposals.satisfaction.${r.satisfaction}`) : '') },
  ];
  return (
    <div data-testid="proposals-list">
      {due.data && due.data.overdue + due.data.dueSoon > 0 ? (
        <Alert style={{ marginBottom: 12 }} type={due.data.overdue ? 'error' : 'warning'} showIcon data-testid="proposals-reminder"
          message={t('proposals.filter.reminder', due.data)} action={<a onClick={() => { setDeadline(due.data!.overdue ? 'overdue' : 'dueSoon'); setPage(1); }}>{t('proposals.filter.show')}</a>} />
      ) : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: 140 }} allowClear placeholder={t('proposals.filter.all')} value={status} data-testid="proposals-filter-status"
          onChange={(v) => { setStatus(v ?? null); setPage(1); }} options={PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`proposals.status.${s}`) }))} />
        <Select style={{ width: 140 }} allowClear placeholder={t('proposals.filter.due')} value={deadline}
          onChange={(v) => { setDeadline(v ?? null); setPage(1); }} options={(['overdue', 'dueSoon'] as const).map((d) => ({ value: d, label: t(`proposals.filter.${d}`) }))} />
        <Input.Search allowClear style={{ width: 260 }} placeholder={t('proposals.filter.search')} data-testid="proposals-search"
          onSearch={(v) => { setQuery(v); setPage(1); }} />
        {unit ? <Tag closable onClose={() => goProposals(null)}>{t('proposals.filter.unit')}：{unitName(byCode, unit)}</Tag> : null}
      </Space>
      <Table rowKey="id" size="small" columns={columns} dataSource={list.data?.rows ?? []} loading={list.loading}
        pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => `${n}` }} />
    </div>
  );
}
