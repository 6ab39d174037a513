import { useState, type FormEvent } from 'react';
import { login } from '../api/auth';
import { ApiError, messageOf } from '../api/client';
import { Link } from '../components/link';
import { FormError } from '../components/form-error';

export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? '用户名或密码错误' : messageOf(e));
      setBusy(false);
    }
  };

  return (
    <div className="login-screen">
      <form className="card login-card" onSubmit={(e) => void submit(e)} aria-label="工作人员登录">
        <h1>一门进出</h1>
        <p className="muted">政法服务中心 · 工作人员登录</p>
        <label>
          用户名
          <input
            name="username"
            autoFocus
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          密码
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <FormError message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '登录中…' : '登录'}
        </button>
        <p className="muted small">
          群众查询办理进度请前往 <Link href="/status">进度查询</Link>
        </p>
      </form>
    </div>
  );
}
