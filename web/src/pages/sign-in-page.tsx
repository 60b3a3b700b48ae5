import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { LanguageSwitcher } from '../components/language-switcher.tsx';
import { useTitle } from '../hooks/use-title.ts';

/** Where the person was going before sign-in, if it is a page of this app. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/sign-in'
    ? from
    : '/intakes';
}

export function SignInPage() {
  const { t } = useTranslation();
  const { session, signIn } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  useTitle(t('signIn.title'));

  if (session.status === 'signed-in') return <Navigate to={returnPath(location.state)} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username.trim(), password);
      navigate(returnPath(location.state), { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const title =
    error?.status === 401 ? t('signIn.wrong') : error?.status === 429 ? t('signIn.throttled') : undefined;

  return (
    <div className="signin">
      <div className="signin-lang">
        <LanguageSwitcher />
      </div>
      <form className="signin-card" onSubmit={submit} noValidate>
        <div className="signin-brand">
          <span className="brand-mark" aria-hidden="true">
            K
          </span>
          <div>
            <h1>{t('app.name')}</h1>
            <p className="muted">{t('app.tagline')}</p>
          </div>
        </div>
        <h2>{t('signIn.title')}</h2>
        <label className="field">
          <span>{t('signIn.username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('signIn.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && <ErrorBox error={error} title={title} testId="sign-in-error" />}
        <button
          type="submit"
          className="button-primary button-wide"
          disabled={busy || !username || !password}
        >
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </div>
  );
}
