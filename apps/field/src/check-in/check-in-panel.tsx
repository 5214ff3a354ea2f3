import { useRef, useState } from 'react';
import type { Point } from '../executions/executions-data.js';
import {
  distanceInMeters,
  isNfcAvailable,
  readNfcTagUid,
  readPosition,
  type PresenceProof,
} from './presence.js';
import { QrScanner } from './qr-scanner.js';

/** Codes of our points start with this (apps/api points/qr-codes.ts); anything else is another QR. */
const QR_PAYLOAD_PREFIX = 'op1:';

type Mode = 'choose' | 'scan' | 'nfc' | 'gps' | 'manual';

interface GpsFix {
  readonly latitude: number;
  readonly longitude: number;
  readonly accuracyInMeters: number;
}

/**
 * Proof of presence at a point: the camera on its QR code, its NFC tag where the browser has Web
 * NFC, the position where the point has one, or the code printed under the QR typed by hand.
 * What the server answers is the caller's to show: an optimistic check-in hides this panel while
 * it is being sent, and a refusal brings it back fresh.
 */
export function CheckInPanel({
  point,
  onCheckIn,
}: {
  point: Point | undefined;
  onCheckIn: (proof: PresenceProof) => Promise<void>;
}) {
  const [mode, setMode] = useState<Mode>('choose');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [manualCode, setManualCode] = useState('');
  const [fix, setFix] = useState<GpsFix | null>(null);
  const nfcAbort = useRef<AbortController | null>(null);
  const hasGps = point ? point.latitude !== null && point.radiusMeters !== null : true;

  async function submit(proof: PresenceProof) {
    setBusy(true);
    setProblem(null);
    try {
      await onCheckIn(proof);
      setMode('choose');
    } finally {
      setBusy(false);
    }
  }

  function onScanned(code: string) {
    if (!code.startsWith(QR_PAYLOAD_PREFIX)) {
      setProblem('This QR code is not an OpenPatrol point. Scan the code on the point’s sticker.');
      setMode('choose');
      return;
    }
    setMode('choose');
    void submit({ method: 'QR', code });
  }

  async function startNfc() {
    setMode('nfc');
    setProblem(null);
    const controller = new AbortController();
    nfcAbort.current = controller;
    try {
      const nfcTagUid = await readNfcTagUid(controller.signal);
      await submit({ method: 'NFC', nfcTagUid });
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError'))
        setProblem(error instanceof Error ? error.message : 'The tag could not be read.');
    } finally {
      setMode('choose');
    }
  }

  async function locate() {
    setMode('gps');
    setProblem(null);
    setFix(null);
    try {
      const position = await readPosition();
      setFix({
        latitude: position.coords.latitude,
        longitude: position.coords.longitude,
        accuracyInMeters: position.coords.accuracy,
      });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'No position.');
      setMode('choose');
    }
  }

  const distance =
    fix && point?.latitude != null && point.longitude != null
      ? distanceInMeters(fix, { latitude: point.latitude, longitude: point.longitude })
      : null;

  return (
    <div className="check-in">
      {problem && (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      )}
      {mode === 'scan' && <QrScanner onCode={onScanned} onCancel={() => setMode('choose')} />}
      {mode === 'nfc' && (
        <div className="stack">
          <p className="notice notice-info">Hold the phone against the point’s NFC tag…</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => nfcAbort.current?.abort()}
          >
            Stop
          </button>
        </div>
      )}
      {mode === 'gps' && (
        <div className="stack">
          {fix ? (
            <p className="notice notice-info" data-testid="gps-distance">
              {distance !== null
                ? `You are ${formatMeters(distance)} from the point (±${formatMeters(fix.accuracyInMeters)}); it accepts ${formatMeters(point?.radiusMeters ?? 0)}.`
                : `Position found (±${formatMeters(fix.accuracyInMeters)}).`}
            </p>
          ) : (
            <p className="notice notice-info">Finding your position…</p>
          )}
          <button
            type="button"
            className="button button-primary"
            disabled={!fix || busy}
            onClick={() => fix && void submit({ method: 'GPS', position: fix })}
          >
            Check in here
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setMode('choose')}
          >
            Cancel
          </button>
        </div>
      )}
      {mode === 'manual' && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (manualCode.trim()) void submit({ method: 'MANUAL', code: manualCode.trim() });
          }}
        >
          <label className="field">
            <span>Code printed under the QR code</span>
            <input
              value={manualCode}
              onChange={(event) => setManualCode(event.target.value)}
              autoCapitalize="off"
              autoComplete="off"
              spellCheck={false}
              required
            />
          </label>
          <button type="submit" className="button button-primary" disabled={busy}>
            Check in with the code
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setMode('choose')}
          >
            Cancel
          </button>
        </form>
      )}
      {mode === 'choose' && (
        <div className="button-grid">
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => {
              setProblem(null);
              setMode('scan');
            }}
          >
            {busy ? 'Checking in…' : 'Scan QR code'}
          </button>
          {isNfcAvailable() && point?.nfcTagUid !== null && (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => void startNfc()}
            >
              Tap NFC tag
            </button>
          )}
          {hasGps && 'geolocation' in navigator && (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => void locate()}
            >
              Use my location
            </button>
          )}
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => {
              setProblem(null);
              setMode('manual');
            }}
          >
            Enter code
          </button>
        </div>
      )}
    </div>
  );
}

export function formatMeters(meters: number): string {
  return meters >= 1000 ? `${(meters / 1000).toFixed(1)} km` : `${Math.round(meters)} m`;
}
