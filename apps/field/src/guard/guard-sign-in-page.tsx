import { useState } from 'react';
import { ProblemError, describeError } from '../api/problem.js';
import { useApi } from '../api/field-api.js';
import { useQueueState } from '../offline/field-services.js';
import type { FieldSession } from '../session/session.js';
import {
  authorizeDevice,
  forgetAuthorizedDevice,
  readAuthorizedDevice,
  readRecentGuards,
  signInGuard,
  type Device,
} from './shared-device.js';

/**
 * Guard mode. A device is authorized once with the registration code an Owner or Admin created;
 * then guards sign in with their member number and PIN, and hand the phone over by signing the
 * next guard in (the server ends the previous guard's session).
 */
export function GuardSignInPage({
  onSignedIn,
  onCancel,
}: {
  onSignedIn: (session: FieldSession) => void;
  onCancel: () => void;
}) {
  const { pending, pendingOfOthers } = useQueueState();
  const [device, setDevice] = useState<Device | null>(readAuthorizedDevice);
  const [refusal, setRefusal] = useState<string | null>(null);
  return device ? (
    <GuardPinForm
      device={device}
      onSignedIn={onSignedIn}
      onCancel={onCancel}
      onDeviceRefused={(reason) => {
        forgetAuthorizedDevice();
        setRefusal(reason);
        setDevice(null);
      }}
      unsent={pending + pendingOfOthers}
    />
  ) : (
    <DeviceAuthorizationForm
      initialProblem={refusal}
      onAuthorized={setDevice}
      onCancel={onCancel}
    />
  );
}

function DeviceAuthorizationForm({
  initialProblem,
  onAuthorized,
  onCancel,
}: {
  initialProblem: string | null;
  onAuthorized: (device: Device) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(initialProblem);
  const [busy, setBusy] = useState(false);
  return (
    <div className="auth stack">
      <h2>Authorize this device</h2>
      <p>
        Guards sign in only on a shared device authorized by an Owner or Admin. Enter the
        registration code they created for this phone.
      </p>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setProblem(null);
          authorizeDevice(api, code)
            .then(onAuthorized)
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
          <span>Registration code</span>
          <input
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            required
          />
        </label>
        <button type="submit" className="button button-primary button-large" disabled={busy}>
          Authorize device
        </button>
      </form>
      <button type="button" className="button button-quiet" onClick={onCancel}>
        Back to e-mail sign-in
      </button>
    </div>
  );
}

function GuardPinForm({
  device,
  onSignedIn,
  onCancel,
  onDeviceRefused,
  unsent,
}: {
  device: Device;
  onSignedIn: (session: FieldSession) => void;
  onCancel: () => void;
  onDeviceRefused: (reason: string) => void;
  unsent: number;
}) {
  const api = useApi();
  const recent = readRecentGuards();
  const [memberNumber, setMemberNumber] = useState(recent[0] ?? '');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="auth stack">
      <h2>Guard sign-in</h2>
      <p className="muted">Shared device: {device.name}</p>
      {unsent > 0 && (
        <p className="notice notice-info">
          {unsent} write(s) made on this phone wait to be sent: each is sent when the guard who made
          it signs in here again.
        </p>
      )}
      {recent.length > 0 && (
        <div className="stack-tight">
          <p className="hint">Recent guards on this phone</p>
          <div className="choice-row" role="group" aria-label="Recent guards">
            {recent.map((number) => (
              <button
                key={number}
                type="button"
                className={`button choice${number === memberNumber ? ' choice-selected' : ''}`}
                aria-pressed={number === memberNumber}
                onClick={() => {
                  setMemberNumber(number);
                  setPin('');
                }}
              >
                {number}
              </button>
            ))}
          </div>
        </div>
      )}
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setProblem(null);
          signInGuard(api, { memberNumber, pin })
            .then(onSignedIn)
            .catch((error: unknown) => {
              setProblem(describeError(error));
              setPin('');
              // Revoked (or never authorized for this server): the code is needed again.
              if (error instanceof ProblemError && error.kind === 'device-not-authorized')
                onDeviceRefused(describeError(error));
            })
            .finally(() => setBusy(false));
        }}
      >
        {problem && (
          <p role="alert" className="notice notice-error">
            {problem}
          </p>
        )}
        <label className="field">
          <span>Member number</span>
          <input
            value={memberNumber}
            onChange={(event) => setMemberNumber(event.target.value)}
            autoCapitalize="characters"
            autoComplete="off"
            required
          />
        </label>
        <label className="field">
          <span>PIN</span>
          <input
            type="password"
            value={pin}
            onChange={(event) => setPin(event.target.value)}
            inputMode="numeric"
            autoComplete="off"
            required
          />
        </label>
        <button type="submit" className="button button-primary button-large" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <button type="button" className="button button-quiet" onClick={onCancel}>
        Back
      </button>
    </div>
  );
}
