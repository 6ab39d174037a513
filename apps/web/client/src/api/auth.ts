import { api } from './client';
import { saveSession, userFromToken, type Session, type SessionUser } from './session';

interface LoginAnswer {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user?: SessionUser;
}

/** POST /api/v1/auth/login at tracking; the session is stored for every page and tab. */
export async function login(username: string, password: string): Promise<Session> {
  const answer = await api<LoginAnswer>('tracking', '/api/v1/auth/login', {
    body: { username, password },
    anonymous: true,
  });
  const user = answer.user ?? userFromToken(answer.accessToken);
  if (!user) throw new Error('登录应答缺少用户信息');
  const session: Session = { accessToken: answer.accessToken, refreshToken: answer.refreshToken, user };
  saveSession(session);
  return session;
}

export async function logout(session: Session | null): Promise<void> {
  try {
    if (session?.refreshToken) {
      await api('tracking', '/api/v1/auth/logout', { body: { refreshToken: session.refreshToken } });
    }
  } catch {
    // Signing out locally is what matters; the refresh token expires on its own.
  } finally {
    saveSession(null);
  }
}
