/** Sync status, upload progress and a change counter the screens refresh on (fed by core events). */
import { create } from 'zustand';
import type { CoreEvent, SyncStatus } from '../../shared/ipc/contract.ts';

export interface UploadProgress { sent: number; total: number }

interface SyncState {
  status: SyncStatus | null;
  uploads: Record<string, UploadProgress>;
  /** Increments on every 'changed' event; lists re-fetch when it moves. */
  changeTick: number;
  setStatus: (s: SyncStatus) => void;
  apply: (e: CoreEvent) => void;
}

export const useSync = create<SyncState>((set) => ({
  status: null,
  uploads: {},
  changeTick: 0,
  setStatus: (status) => set({ status }),
  apply: (e) => {
    switch (e.type) {
      case 'sync': set({ status: e.status }); break;
      case 'changed': set((s) => ({ changeTick: s.changeTick + 1 })); break;
      case 'upload': set((s) => ({ uploads: { ...s.uploads, [e.sha256]: { sent: e.sent, total: e.total } } })); break;
      case 'notify': break;
    }
  },
}));
