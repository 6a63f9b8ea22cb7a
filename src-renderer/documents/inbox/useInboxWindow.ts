/**
 * Windowed access to the inbox: fetches pages of 100 rows by offset/limit for what is on screen, so 100,000
 * rows cost no more than a few hundred. The cache is dropped when the filter or the data changes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InboxRow } from '../../../shared/ipc/contract.ts';
import { getApi } from '../../api/index.ts';

export const INBOX_PAGE = 100;

export interface InboxFilterValue {
  unsignedOnly: boolean;
  urgentOnly: boolean;
  fromUnit: string | null;
  dateFrom: string | null;
  dateTo: string | null;
}

export interface InboxWindow {
  total: number | null;
  rowAt: (index: number) => InboxRow | undefined;
  ensure: (start: number, end: number) => void;
  error: unknown;
}

export function useInboxWindow(filter: InboxFilterValue, tick: number): InboxWindow {
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, InboxRow[]>());
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const visible = useRef<[number, number]>([0, INBOX_PAGE]);

  const fetchPage = useCallback((page: number, gen: number) => {
    if (inFlight.current.has(page)) return;
    inFlight.current.add(page);
    getApi().documents.inbox({ filter, offset: page * INBOX_PAGE, limit: INBOX_PAGE }).then(
      (res) => {
        if (gen !== generation.current) return;
        inFlight.current.delete(page);
        pages.current.set(page, res.rows);
        setTotal(res.total);
        setError(null);
        setVersion((v) => v + 1);
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        inFlight.current.delete(page);
        setError(e);
      },
    );
  }, [filter]);

  // While the user drags the scrollbar across thousands of rows, only the window where the scroll settles is
  // fetched (a 60 ms quiet period), so the core is not queued up with pages nobody looks at any more.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const ensure = useCallback((start: number, end: number) => {
    visible.current = [start, end];
    const fetchVisible = () => {
      timer.current = null;
      const [s, e] = visible.current;
      const first = Math.floor(Math.max(0, s) / INBOX_PAGE);
      const last = Math.floor(Math.max(0, e) / INBOX_PAGE);
      for (let p = first; p <= last; p++) if (!pages.current.has(p)) fetchPage(p, generation.current);
    };
    const first = Math.floor(Math.max(0, start) / INBOX_PAGE);
    const last = Math.floor(Math.max(0, end) / INBOX_PAGE);
    let missing = false;
    for (let p = first; p <= last; p++) if (!pages.current.has(p) && !inFlight.current.has(p)) missing = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = missing ? setTimeout(fetchVisible, 60) : null;
  }, [fetchPage]);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  // New filter or changed data: start a new generation. After a data change (same filter) the old rows stay on
  // screen as a fallback until the fresh pages arrive; after a filter change they are dropped.
  const stale = useRef(new Map<number, InboxRow[]>());
  const lastFetch = useRef(fetchPage);
  useEffect(() => {
    const gen = ++generation.current;
    inFlight.current.clear();
    stale.current = lastFetch.current === fetchPage ? pages.current : new Map();
    lastFetch.current = fetchPage;
    pages.current = new Map();
    const [start, end] = visible.current;
    const first = Math.floor(start / INBOX_PAGE);
    const last = Math.max(first, Math.floor(end / INBOX_PAGE));
    for (let p = first; p <= last; p++) fetchPage(p, gen);
    setVersion((v) => v + 1);
  }, [fetchPage, tick]);

  const rowAt = useCallback((index: number) => {
    const p = Math.floor(index / INBOX_PAGE);
    return (pages.current.get(p) ?? stale.current.get(p))?.[index % INBOX_PAGE];
  }, []);
  return { total, rowAt, ensure, error };
}
