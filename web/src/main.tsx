import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, type ApiType } from './api';
import { lang, setLang, t } from './i18n';
import { AdminPage } from './pages/admin';
import { CasePage } from './pages/case';
import { EscalationsPage } from './pages/escalations';
import { HistoryPage } from './pages/history';
import { HomePage } from './pages/home';
import { InboxPage } from './pages/inbox';
import { LoginPage } from './pages/login';
import { ReportsPage } from './pages/reports';
import { SessionPage, SessionsPage } from './pages/sessions';
import { SubmitPage } from './pages/submit';
import { SupervisionPage } from './pages/supervision';
import { TrackPage } from './pages/track';
import { interceptLinks, navigate, usePath } from './router';
import { type Me, type Role, Session } from './session';

const STAFF_NAV: Array<{ href: string; key: Parameters<typeof t>[0]; roles: Role[] }> = [
  { href: '/inbox', key: 'inbox', roles: ['AGENCY_OFFICER', 'RECEPTION_OFFICER', 'ADMINISTRATOR'] },
  { href: '/escalations', key: 'escalations', roles: ['HEAD_OF_GOVERNMENT', 'ADMINISTRATOR'] },
  { href: '/supervision', key: 'supervision', roles: ['FRONT_SUPERVISOR', 'HEAD_OF_GOVERNMENT', 'ADMINISTRATOR'] },
  { href: '/sessions', key: 'sessions', roles: ['RECEPTION_OFFICER', 'HEAD_OF_GOVERNMENT', 'FRONT_SUPERVISOR', 'ADMINISTRATOR'] },
  { href: '/reports', key: 'reports', roles: ['HEAD_OF_GOVERNMENT', 'FRONT_SUPERVISOR', 'ADMINISTRATOR'] },
  { href: '/admin', key: 'admin', roles: ['ADMINISTRATOR'] },
];

function route(path: string) {
  const [pathname = '/'] = path.split('?');
  const m = (re: RegExp) => pathname.match(re);
  let g: RegExpMatchArray | null;
  if (pathname === '/') return <HomePage />;
  if (pathname === '/submit') return <SubmitPage />;
  if ((g = m(/^\/track(?:\/([^/]+))?$/))) return <TrackPage code={g[1] ? decodeURIComponent(g[1]) : ''} />;
  if (pathname === '/login') return <LoginPage />;
  if (pathname === '/inbox') return <InboxPage />;
  if ((g = m(/^\/cases\/([0-9a-f-]{36})$/))) return <CasePage id={g[1]!} />;
  if ((g = m(/^\/cases\/([0-9a-f-]{36})\/history$/))) return <HistoryPage id={g[1]!} />;
  if (pathname === '/escalations') return <EscalationsPage />;
  if (pathname === '/supervision') return <SupervisionPage />;
  if (pathname === '/sessions') return <SessionsPage />;
  if ((g = m(/^\/sessions\/([0-9a-f-]{36})$/))) return <SessionPage id={g[1]!} />;
  if (pathname === '/reports') return <ReportsPage />;
  if ((g = m(/^\/admin(?:\/([a-z-]+))?$/))) return <AdminPage tab={g[1] ?? 'units'} />;
  return <p role="alert">{t('notFound')}</p>;
}

function App() {
  const path = usePath();
  const [, setLangState] = useState(lang());
  const [me, setMe] = useState<Me | null>(null);
  const refresh = useCallback(async () => {
    setMe(await api<ApiType<'CurrentUser'>>('/api/auth/me').then((r) => r.user, () => null));
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    document.title = t('appTitle');
  });
  // After a page change, screen readers and keyboards start at the new content, not a removed button.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else document.getElementById('main')?.focus();
  }, [path]);
  const logout = async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    await refresh();
    navigate('/');
  };
  const switchLang = () => {
    setLang(lang() === 'vi' ? 'en' : 'vi');
    setLangState(lang());
  };
  return (
    <Session.Provider value={{ me, refresh }}>
      <a class="skip" href="#main">{t('skip')}</a>
      <header class="top">
        <a class="title" href="/">{t('appTitle')}</a>
        <nav aria-label="main">
          <a href="/submit">{t('submit')}</a>
          <a href="/track">{t('track')}</a>
          {me && STAFF_NAV.filter((n) => n.roles.includes(me.role)).map((n) => <a key={n.href} href={n.href} aria-current={path.startsWith(n.href) ? 'page' : undefined}>{t(n.key)}</a>)}
          {me ? (
            <button type="button" class="linklike" onClick={logout}>{t('logout')} ({me.fullName})</button>
          ) : (
            <a href="/login">{t('login')}</a>
          )}
        </nav>
        <button type="button" class="lang-switch" onClick={switchLang} lang={lang() === 'vi' ? 'en' : 'vi'}>{t('switchLang')}</button>
      </header>
      <main id="main" tabIndex={-1}>{route(path)}</main>
    </Session.Provider>
  );
}

const root = document.getElementById('app')!;
document.documentElement.lang = lang();
interceptLinks(root);
root.textContent = ''; // the loading line
render(<App />, root);
