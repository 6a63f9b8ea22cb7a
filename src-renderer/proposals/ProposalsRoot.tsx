/** The 建议提案 area: #/proposals (list), #/proposals/stats, #/proposals/import, #/proposals/<id> (item and timeline). */
import { Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ensureProposalStrings } from './i18n.ts';
import { ProposalList } from './ProposalList.tsx';
import { ProposalDetail } from './ProposalDetail.tsx';
import { StatsPage } from './StatsPage.tsx';
import { ImportPage } from './ImportPage.tsx';

function subRoute(): { sub: string | null; query: URLSearchParams } {
  const [pathPart, q = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const parts = pathPart.split('/');
  return { sub: parts[0] === 'proposals' ? parts[1] ?? null : null, query: new URLSearchParams(q) };
}

export function goProposals(sub: string | null = null, query: Record<string, string> = {}): void {
  const q = new URLSearchParams(query).toString();
  location.hash = `#/proposals${sub ? `/${sub}` : ''}${q ? `?${q}` : ''}`;
}

export function ProposalsRoot() {
  ensureProposalStrings();
  const { t } = useTranslation();
  const [route, setRoute] = useState(subRoute());
  useEffect(() => {
    const on = () => setRoute(subRoute());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const { sub, query } = route;
  if (sub && sub !== 'stats' && sub !== 'import') return <ProposalDetail key={sub} proposalId={sub} />;
  return (
    <Tabs activeKey={sub ?? 'list'} onChange={(k) => goProposals(k === 'list' ? null : k)} data-testid="proposals-page" items={[
      { key: 'list', label: <span data-testid="proposals-tab-list">{t('proposals.list')}</span>, children: sub === null ? <ProposalList unit={query.get('unit')} /> : null },
      { key: 'stats', label: <span data-testid="proposals-tab-stats">{t('proposals.stats')}</span>, children: sub === 'stats' ? <StatsPage /> : null },
      { key: 'import', label: <span data-testid="proposals-tab-import">{t('proposals.import')}</span>, children: sub === 'import' ? <ImportPage /> : null },
    ]} />
  );
}
