/** The signed-in staff member, kept in localStorage so a reload (or a second tab) stays signed in. */
export type StaffRole = 'clerk' | 'worker' | 'supervisor' | 'committee' | 'admin';

export interface SessionUser {
  username: string;
  name: string;
  role: StaffRole;
  agency: string;
  unitId: string | null;
}

export interface Session {
  accessToken: string;
  refreshToken?: string;
  user: SessionUser;
}

const KEY = 'yimen.session';
const listeners = new Set<() => void>();

export function currentSession(): Session | null {
  const raw = localStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.accessToken !== 'string') return null;
    const user = parsed.user ?? userFromToken(parsed.accessToken);
    return user ? { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken, user } : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The user claims of an access token (for display only; the services verify the signature). */
export function userFromToken(token: string): SessionUser | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    );
    const claims = JSON.parse(json) as Record<string, unknown>;
    if (typeof claims.role !== 'string' || typeof claims.username !== 'string') return null;
    return {
      username: claims.username,
      name: typeof claims.name === 'string' ? claims.name : claims.username,
      role: claims.role as StaffRole,
      agency: typeof claims.agency === 'string' ? claims.agency : '',
      unitId: typeof claims.unitId === 'string' ? claims.unitId : null,
    };
  } catch {
    return null;
  }
}
