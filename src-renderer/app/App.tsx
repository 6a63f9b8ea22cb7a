/** Root: theme and locale, session check, core event subscription, and the screen for the current route. */
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi, onCoreEvent } from '../api/index.ts';
import { LoginPage } from '../auth/LoginPage.tsx';
import { ComposePage } from '../documents/compose/ComposePage.tsx';
import { InboxPage } from '../documents/inbox/InboxPage.tsx';
import { SearchPage } from '../documents/search/SearchPage.tsx';
import { SentPage } from '../documents/sent/SentPage.tsx';
import { DocumentPage } from '../documents/view/DocumentPage.tsx';
import { PlaceholderPage } from '../placeholders/PlaceholderPage.tsx';
import { MeetingsRoot } from '../meetings/MeetingsRoot.tsx';
import { ProposalsRoot } from '../proposals/ProposalsRoot.tsx';
import { useRoute } from '../stores/route.ts';
import { useSession } from '../stores/session.ts';
import { useSync } from '../stores/sync.ts';
import { AppLayout } from './AppLayout.tsx';
import { AppMessages } from './notifyError.ts';
import { theme } from './theme.ts';

function Screen() {
  const route = useRoute((s) => s.route);
  switch (route.name) {
    case 'inbox': return <InboxPage />;
    case 'doc': return <DocumentPage key={route.id} documentId={route.id} box={route.box} />;
    case 'compose': return <ComposePage key={route.draftId ?? 'new'} draftId={route.draftId} />;
    case 'sent': return <SentPage />;
    case 'search': return <SearchPage />;
    case 'placeholder': return route.key === 'meetings' ? <MeetingsRoot /> : route.key === 'proposals' ? <ProposalsRoot /> : <PlaceholderPage which={route.key} />;
  }
}

export function App() {
  const { t } = useTranslation();
  const { session, checking, lang, setSession, markExpired } = useSession();
  const apply = useSync((s) => s.apply);
  const setStatus = useSync((s) => s.setStatus);
  const syncRoute = useRoute((s) => s.sync);

  useEffect(() => {
    window.addEventListener('hashchange', syncRoute);
    const off = onCoreEvent((e) => {
      apply(e);
      if (e.type === 'notify' && e.kind === 'session-expired') markExpired();
    });
    getApi().auth.session({}).then(setSession, () => setSession(null));
    return () => { off(); window.removeEventListener('hashchange', syncRoute); };
  }, [apply, markExpired, setSession, syncRoute]);

  useEffect(() => {
    if (session) getApi().sync.status({}).then(setStatus, () => undefined);
  }, [session, setStatus]);

  useEffect(() => { document.documentElement.lang = lang; document.title = t('app.fullName'); }, [lang, t]);

  return (
    <ConfigProvider locale={lang === 'en-US' ? enUSLocale : zhCNLocale} theme={theme}>
      <AntApp>
        <AppMessages />
        {checking ? (
          <div className="xt-center"><Spin size="large" description={t('common.loading')} /></div>
        ) : session ? (
          <AppLayout><Screen /></AppLayout>
        ) : (
          <LoginPage />
        )}
      </AntApp>
    </ConfigProvider>
  );
}
