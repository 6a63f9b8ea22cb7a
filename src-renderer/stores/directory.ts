/** The unit directory (69 units and groups), loaded once per session and shared by every screen. */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { Directory, Unit } from '../../shared/schemas/directory.ts';
import { getApi } from '../api/index.ts';

interface DirectoryState {
  directory: Directory | null;
  byCode: Map<string, Unit>;
  error: unknown;
  loading: boolean;
  load: () => void;
}

export const useDirectoryStore = create<DirectoryState>((set, get) => ({
  directory: null,
  byCode: new Map(),
  error: null,
  loading: false,
  load: () => {
    if (get().loading || get().directory) return;
    set({ loading: true });
    getApi().directory.get({}).then(
      (directory) => set({ directory, byCode: new Map(directory.units.map((u) => [u.code, u])), loading: false, error: null }),
      (error: unknown) => set({ error, loading: false }),
    );
  },
}));

export function useDirectory(): DirectoryState {
  const state = useDirectoryStore();
  useEffect(() => { state.load(); }, [state]);
  return state;
}

export function unitName(byCode: Map<string, Unit>, code: string): string {
  return byCode.get(code)?.shortName ?? code;
}
