/** A small hash router: #/inbox, #/inbox/<id>, #/sent/<id>, #/compose[/<draftId>], #/sent, #/search, #/meetings … */
import { create } from 'zustand';

export type Route =
  | { name: 'inbox' }
  | { name: 'doc'; id: string; box: 'inbox' | 'sent' }
  | { name: 'compose'; draftId: string | null }
  | { name: 'sent' }
  | { name: 'search' }
  | { name: 'placeholder'; key: PlaceholderKey };

export const PLACEHOLDERS = ['meetings', 'proposals', 'reports', 'duty'] as const;
export type PlaceholderKey = (typeof PLACEHOLDERS)[number];

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [head, arg] = parts;
  if ((head === 'inbox' || head === 'sent') && arg) return { name: 'doc', id: arg, box: head };
  if (head === 'compose') return { name: 'compose', draftId: arg ?? null };
  if (head === 'sent' || head === 'search') return { name: head };
  if ((PLACEHOLDERS as readonly string[]).includes(head ?? '')) return { name: 'placeholder', key: head as PlaceholderKey };
  return { name: 'inbox' };
}

export function routeHash(r: Route): string {
  switch (r.name) {
    case 'doc': return `#/${r.box}/${r.id}`;
    case 'compose': return r.draftId ? `#/compose/${r.draftId}` : '#/compose';
    case 'placeholder': return `#/${r.key}`;
    default: return `#/${r.name}`;
  }
}

interface RouteState { route: Route; go: (r: Route) => void; sync: () => void }

export const useRoute = create<RouteState>((set) => ({
  route: parseHash(typeof location === 'undefined' ? '' : location.hash),
  go: (r) => {
    const h = routeHash(r);
    if (location.hash !== h) location.hash = h;
    set({ route: r });
  },
  sync: () => set({ route: parseHash(location.hash) }),
}));
