/** Reloads a meeting screen's data whenever the core reports meeting changes (pulled or written locally). */
import { useEffect } from 'react';
import { onCoreEvent } from '../api/index.ts';
import { useLoad, type Loaded } from '../app/useLoad.ts';

export function useMeetingData<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const loaded = useLoad(load, deps);
  const { reload } = loaded;
  useEffect(() => onCoreEvent((e) => {
    if (e.type === 'changed' && e.entities.some((x) => x === 'meetings' || x === 'meetingReceipts')) reload();
  }), [reload]);
  return loaded;
}
