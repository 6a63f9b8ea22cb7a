/** 检索: Chinese full text over the local store (works offline), matches highlighted. */
import { Empty, Input, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api/index.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate } from '../../app/format.ts';
import { useRoute } from '../../stores/route.ts';
import { useSession } from '../../stores/session.ts';
import { Highlighted } from './highlight.tsx';

type Hits = Awaited<ReturnType<ReturnType<typeof getApi>['documents']['search']>>;

export function SearchPage() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const go = useRoute((s) => s.go);
  const [hits, setHits] = useState<Hits | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const search = async (q: string) => {
    const query = q.trim();
    if (!query) return;
    setBusy(true);
    setError(null);
    try { setHits(await getApi().documents.search({ query, limit: 100 })); } catch (e) { setError(e); } finally { setBusy(false); }
  };

  return (
    <div>
      <h1 className="xt-page-title">{t('search.title')}</h1>
      <Input.Search size="large" enterButton={t('search.button')} placeholder={t('search.placeholder')} onSearch={search}
        loading={busy} maxLength={100} style={{ maxWidth: 720, marginBottom: 8 }} data-testid="search-input" />
      <div className="xt-dim" style={{ fontSize: 12, marginBottom: 16 }}>{t('search.hint')}</div>
      {error ? <ErrorAlert error={error} /> : null}
      {busy && !hits ? <Spin /> : null}
      {hits ? (
        <div className="xt-panel" data-testid="search-results" data-count={hits.length}>
          <div className="xt-toolbar xt-dim">{t('search.results', { count: hits.length })}</div>
          {hits.length === 0 ? <Empty style={{ padding: 32 }} description={t('search.emptyTitle')} /> : null}
          {hits.map((h) => (
            <div key={`${h.box}-${h.documentId}`} className="xt-search-hit" data-testid="search-hit" onClick={() => go({ name: 'doc', id: h.documentId, box: h.box })}>
              <div style={{ fontSize: 16, fontWeight: 600 }}>
                <Tag color={h.box === 'inbox' ? 'blue' : 'purple'}>{t(`search.${h.box}`)}</Tag><Highlighted snippet={h.title} />
              </div>
              <div className="xt-dim" style={{ fontSize: 12, margin: '2px 0 4px' }}>{h.docNumberText ?? '—'} · {h.senderUnitName} · {formatDate(h.sentAt, lang)}</div>
              <div style={{ color: '#3e4c59' }}><Highlighted snippet={h.snippet} /></div>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
