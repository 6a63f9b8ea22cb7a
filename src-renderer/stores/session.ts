/** Who is logged in, in which language, and whether the last session expired. */
import { create } from 'zustand';
import type { Session } from '../../shared/ipc/contract.ts';
import type { Lang } from '../api/errors.ts';
import { i18n, initialLang, rememberLang } from '../i18n/index.ts';

interface SessionState {
  session: Session | null;
  /** true until auth.session answered on start. */
  checking: boolean;
  expired: boolean;
  lang: Lang;
  setSession: (s: Session | null) => void;
  setChecking: (v: boolean) => void;
  markExpired: () => void;
  setLang: (lang: Lang) => void;
}

export const useSession = create<SessionState>((set) => ({
  session: null,
  checking: true,
  expired: false,
  lang: initialLang(),
  setSession: (session) => set({ session, expired: false, checking: false }),
  setChecking: (checking) => set({ checking }),
  markExpired: () => set({ session: null, expired: true, checking: false }),
  setLang: (lang) => {
    rememberLang(lang);
    void i18n.changeLanguage(lang);
    set({ lang });
  },
}));
