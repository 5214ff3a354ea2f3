import { useState } from 'react';
import { describeError } from '../api/problem.js';
import { useApi } from '../api/field-api.js';
import { readAuthorizedDevice } from '../guard/shared-device.js';
import { signIn, type FieldSession } from './session.js';

/** E-mail and password; a shared guard phone goes to guard mode instead. */
export function SignInPage({
  onSignedIn,
  onGuardMode,
}: {
  onSignedIn: (session: FieldSession) => void;
  onGuardMode: () => void;
}) {
  const api = useApi();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const device = readAuthorizedDevice();

  return (
    <div className="auth stack">
      <h2>Sign in</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setProblem(null);
          signIn(api, { email: email.trim(), password })
            .then(onSignedIn)
            .catch((error: unknown) => setProblem(describeError(error)))
            .finally(() => setBusy(false));
        }}
      >
        {problem && (
          <p role="alert" className="notice notice-error">
            {problem}
          </p>
        )}
        <label className="field">
          <span>E-mail</span>
          <input
            type="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </label>
        <button type="submit" className="button button-primary button-large" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <button type="button" className="button button-secondary" onClick={onGuardMode}>
        {device ? `Guard sign-in (${device.name})` : 'Shared guard device'}
      </button>
    </div>
  );
}
