/** 收文: urgent first (the core orders it), unsigned highlighted, virtualized, ↑/↓/Enter keyboard navigation. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useRoute } from '../../stores/route.ts';
import { useSession } from '../../stores/session.ts';
import { useSync } from '../../stores/sync.ts';
import { StatusTag, UrgencyTag } from '../labels.tsx';
import { InboxFilters } from './InboxFilters.tsx';
import { useInboxWindow, type InboxFilterValue } from './useInboxWindow.ts';

const ROW_HEIGHT = 44;

export function InboxPage() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const tick = useSync((s) => s.changeTick);
  const go = useRoute((s) => s.go);
  const [filter, setFilter] = useState<InboxFilterValue>({ unsignedOnly: false, urgentOnly: false, fromUnit: null, dateFrom: null, dateTo: null });
  const stableFilter = useMemo(() => filter, [filter]);
  const win = useInboxWindow(stableFilter, tick);
  const [selected, setSelected] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = win.total ?? 0;
  const virtual = useVirtualizer({
    count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12,
    initialRect: { width: 1200, height: 600 },
  });
  const items = virtual.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  const { ensure } = win;
  useEffect(() => { ensure(first, last); }, [first, last, ensure]);
  useEffect(() => { setSelected(0); virtual.scrollToOffset(0); }, [stableFilter]); // eslint-disable-line react-hooks/exhaustive-deps

  const open = (index: number) => {
    const row = win.rowAt(index);
    if (row) go({ name: 'doc', id: row.documentId, box: 'inbox' });
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.min(count - 1, Math.max(0, selected + (e.key === 'ArrowDown' ? 1 : -1)));
      setSelected(next);
      virtual.scrollToIndex(next, { align: 'auto' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(selected);
    }
  };

  return (
    <div>
      <h1 className="xt-page-title">{t('inbox.title')}{win.total !== null ? <span className="xt-dim" style={{ fontSize: 14, fontWeight: 400, marginLeft: 12 }} data-testid="inbox-total">{t('common.total', { count: win.total })}</span> : null}</h1>
      <div className="xt-panel">
        <div className="xt-toolbar">
          <InboxFilters value={filter} onChange={setFilter} />
          <span className="xt-dim" style={{ marginLeft: 'auto', fontSize: 12 }}>{t('inbox.keyboardHint')}</span>
        </div>
        {win.error ? <div style={{ padding: 16 }}><ErrorAlert error={win.error} /></div> : null}
        <div className="xt-grid xt-grid-head" role="row">
          <div>{t('inbox.urgency')}</div><div>{t('inbox.docNumber')}</div><div>{t('inbox.docTitle')}</div>
          <div>{t('inbox.from')}</div><div>{t('inbox.date')}</div><div>{t('inbox.status')}</div>
        </div>
        <div ref={scrollRef} className="xt-inbox-scroll" tabIndex={0} onKeyDown={onKey} data-testid="inbox-list" role="grid" aria-rowcount={count}>
          {win.total === null && !win.error ? <div className="xt-center" style={{ height: 200 }}><Spin description={t('common.loading')} /></div> : null}
          {win.total === 0 ? <Empty style={{ marginTop: 48 }} description={<><div>{t('inbox.emptyTitle')}</div><div className="xt-dim">{t('inbox.emptyHint')}</div></>} /> : null}
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = win.rowAt(item.index);
              const cls = ['xt-row', 'xt-grid'];
              if (row?.status === 'delivered') cls.push('is-unsigned');
              if (item.index === selected) cls.push('is-selected');
              return (
                <div
                  key={item.key}
                  className={cls.join(' ')}
                  style={{ top: item.start, height: ROW_HEIGHT }}
                  role="row"
                  aria-selected={item.index === selected}
                  data-testid="inbox-row"
                  data-index={item.index}
                  data-document-id={row?.documentId}
                  onClick={() => { setSelected(item.index); open(item.index); }}
                >
                  {row ? (
                    <>
                      <div><UrgencyTag urgency={row.urgency} /></div>
                      <div>{row.docNumberText ?? '—'}</div>
                      <div className="xt-title-cell" title={row.title}>{row.title}</div>
                      <div>{row.senderUnitName}</div>
                      <div>{formatDateTime(row.deliveredAt, lang)}</div>
                      <div><StatusTag status={row.status} pending={row.pending} /></div>
                    </>
                  ) : (
                    <div className="xt-row-placeholder" style={{ gridColumn: '1 / -1' }}>{t('common.loading')}</div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
