/** The frame every screen sits in: side navigation by subsystem, header with unit and user, status bar. */
import {
  AlertOutlined, CalendarOutlined, EditOutlined, FileSearchOutlined, InboxOutlined, LogoutOutlined,
  ScheduleOutlined, SendOutlined, SolutionOutlined, TranslationOutlined, UserOutlined,
} from '@ant-design/icons';
import { Badge, Button, Layout, Menu, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../api/index.ts';
import { useRoute, type Route } from '../stores/route.ts';
import { useSession } from '../stores/session.ts';
import { useSync } from '../stores/sync.ts';
import { notifyError } from './notifyError.ts';
import { OfflineBanner, StatusBar } from './StatusBar.tsx';
import { useLoad } from './useLoad.ts';

function menuKey(r: Route): string {
  if (r.name === 'placeholder') return r.key;
  if (r.name === 'doc') return r.box;
  return r.name;
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { route, go } = useRoute();
  const { session, lang, setLang, setSession } = useSession();
  const tick = useSync((s) => s.changeTick);
  const counts = useLoad(() => getApi().documents.counts({}), [tick]);
  const unsigned = counts.data?.unsigned ?? 0;

  const items = [
    {
      type: 'group' as const, key: 'g-docs', label: t('nav.documents'), children: [
        { key: 'inbox', icon: <InboxOutlined />, label: <span data-testid="nav-inbox">{t('nav.inbox')} <Badge count={unsigned} size="small" offset={[6, -2]} /></span> },
        { key: 'compose', icon: <EditOutlined />, label: <span data-testid="nav-compose">{t('nav.compose')}</span> },
        { key: 'sent', icon: <SendOutlined />, label: <span data-testid="nav-sent">{t('nav.sent')}</span> },
        { key: 'search', icon: <FileSearchOutlined />, label: <span data-testid="nav-search">{t('nav.search')}</span> },
      ],
    },
    {
      type: 'group' as const, key: 'g-other', label: t('nav.others'), children: [
        { key: 'meetings', icon: <CalendarOutlined />, label: t('nav.meetings') },
        { key: 'proposals', icon: <SolutionOutlined />, label: t('nav.proposals') },
        { key: 'reports', icon: <AlertOutlined />, label: t('nav.reports') },
        { key: 'duty', icon: <ScheduleOutlined />, label: t('nav.duty') },
      ],
    },
  ];

  const navigate = (key: string) => {
    if (key === 'inbox' || key === 'sent' || key === 'search') go({ name: key });
    else if (key === 'compose') go({ name: 'compose', draftId: null });
    else if (key === 'meetings' || key === 'proposals' || key === 'reports' || key === 'duty') go({ name: 'placeholder', key });
  };

  const logout = () => getApi().auth.logout({}).then(() => setSession(null), notifyError);

  return (
    <Layout className="xt-shell">
      <Layout.Sider width={208} className="xt-sider" theme="light">
        <div className="xt-brand"><span className="xt-brand-mark">协</span><span>{t('app.name')}</span></div>
        <Menu mode="inline" selectedKeys={[menuKey(route)]} items={items} onClick={(e) => navigate(e.key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="xt-header">
          <div className="xt-header-unit" data-testid="header-unit">{session?.unit.name}</div>
          <Space size="middle">
            <span data-testid="header-user"><UserOutlined /> {session?.user.displayName}{session?.user.title ? <span className="xt-dim"> · {session.user.title}</span> : null}</span>
            <Tooltip title={t('header.languageTitle')}>
              <Button type="text" icon={<TranslationOutlined />} data-testid="lang-switch" onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')}>
                {t('header.language')}
              </Button>
            </Tooltip>
            <Button type="text" icon={<LogoutOutlined />} data-testid="logout" onClick={logout}>{t('header.logout')}</Button>
          </Space>
        </Layout.Header>
        <OfflineBanner />
        <Layout.Content className="xt-content">{children}</Layout.Content>
        <StatusBar />
      </Layout>
    </Layout>
  );
}
