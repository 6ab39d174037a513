import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { logout } from './api/auth';
import { currentSession, onSessionChange, type Session, type StaffRole } from './api/session';
import { Link } from './components/link';
import { roleLabel } from './domain/labels';
import { DashboardPage } from './pages/dashboard-page';
import { DeskPage } from './pages/desk-page';
import { ItemPage } from './pages/item-page';
import { LoginPage } from './pages/login-page';
import { StatusPage } from './pages/status-page';
import { WindowPage } from './pages/window-page';
import { matchPath, navigate, usePath } from './router';

/** Each role's home: the window for clerks, the task desk for agency staff, the dashboard for the committee. */
export function homeOf(role: StaffRole): string {
  switch (role) {
    case 'clerk':
      return '/window';
    case 'worker':
    case 'supervisor':
      return '/desk';
    case 'committee':
    case 'admin':
      return '/dashboard';
  }
}

const NAV: { href: string; label: string; roles: StaffRole[] }[] = [
  { href: '/window', label: '窗口受理', roles: ['clerk', 'committee', 'admin'] },
  { href: '/desk', label: '承办工作台', roles: ['worker', 'supervisor'] },
  { href: '/dashboard', label: '政法委驾驶舱', roles: ['committee', 'admin'] },
];

/** Pages open to each role; anything else sends the user home. */
const ALLOWED: Record<string, StaffRole[]> = {
  '/window': ['clerk', 'committee', 'admin'],
  '/desk': ['worker', 'supervisor', 'committee', 'admin'],
  '/dashboard': ['committee', 'admin'],
};

function useSession(): Session | null {
  // Re-read on every change notification; the snapshot is the stored string so React can compare it.
  const raw = useSyncExternalStore(onSessionChange, () => localStorage.getItem('yimen.session'));
  return raw ? currentSession() : null;
}

export function App() {
  const path = usePath();
  const session = useSession();

  if (path === '/status')
    return (
      <PublicShell>
        <StatusPage />
      </PublicShell>
    );
  if (!session) return path === '/login' ? <LoginPage /> : <Redirect to="/login" />;
  if (path === '/' || path === '/login') return <Redirect to={homeOf(session.user.role)} />;

  const item = matchPath('/desk/items/:itemId', path);
  const section = item ? '/desk' : path;
  const allowed = ALLOWED[section];
  if (!allowed?.includes(session.user.role)) return <Redirect to={homeOf(session.user.role)} />;

  return (
    <StaffShell session={session} active={section}>
      {item?.itemId ? (
        <ItemPage itemId={item.itemId} session={session} />
      ) : section === '/window' ? (
        <WindowPage />
      ) : section === '/desk' ? (
        <DeskPage session={session} />
      ) : (
        <DashboardPage />
      )}
    </StaffShell>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function StaffShell({
  session,
  active,
  children,
}: {
  session: Session;
  active: string;
  children: ReactNode;
}) {
  return (
    <div className="shell">
      <header className="topbar no-print">
        <span className="brand">一门进出 · 政法服务中心</span>
        <nav>
          {NAV.filter((n) => n.roles.includes(session.user.role)).map((n) => (
            <Link key={n.href} href={n.href} className={active === n.href ? 'active' : undefined}>
              {n.label}
            </Link>
          ))}
          <Link href="/status">进度查询</Link>
        </nav>
        <span className="who">
          {session.user.name}（{roleLabel(session.user.role)}）
          <button type="button" className="link-button" onClick={() => void logout(session)}>
            退出
          </button>
        </span>
      </header>
      <main className="page">{children}</main>
    </div>
  );
}

function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div className="shell public">
      <header className="topbar">
        <span className="brand">一门进出 · 进度查询</span>
        <nav>
          <Link href="/login">工作人员登录</Link>
        </nav>
      </header>
      <main className="page narrow">{children}</main>
    </div>
  );
}
