import type jsQRFunction from 'jsqr';
import { useEffect, useRef, useState } from 'react';

/** Decoding a frame costs tens of milliseconds on a phone: five tries a second is plenty. */
const SCAN_INTERVAL_MS = 200;
/** Frames are scaled down to this width before decoding; a point's code still has ~10 px a module. */
const SCAN_WIDTH = 640;

/**
 * The camera, read frame by frame with jsQR. BarcodeDetector would be cheaper but is missing in
 * many browsers (Firefox, desktop and headless Linux Chromium), so one decoder serves everywhere.
 */
export function QrScanner({
  onCode,
  onCancel,
}: {
  onCode: (code: string) => void;
  onCancel: () => void;
}) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(true);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    // The decoder is a quarter of the app's code: loaded when the camera opens (and kept by the
    // service worker with the rest, so it is there offline too).
    let jsQR: typeof jsQRFunction | null = null;
    const decoder = import('jsqr').then((module) => (jsQR = module.default));

    const scan = () => {
      const video = videoRef.current;
      if (stopped || !video || !context) return;
      if (jsQR && video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        const scale = Math.min(1, SCAN_WIDTH / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const frame = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = jsQR(frame.data, frame.width, frame.height, {
          inversionAttempts: 'attemptBoth',
        });
        if (found?.data) {
          stopped = true;
          onCodeRef.current(found.data);
          return;
        }
      }
      timer = window.setTimeout(scan, SCAN_INTERVAL_MS);
    };

    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
      .then(async (granted) => {
        if (stopped) {
          granted.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = granted;
        const video = videoRef.current;
        if (!video) return;
        video.srcObject = granted;
        await video.play();
        await decoder;
        setStarting(false);
        scan();
      })
      .catch((error: unknown) => {
        setStarting(false);
        const name = error instanceof DOMException ? error.name : '';
        setProblem(
          name === 'NotAllowedError'
            ? 'The camera is not allowed for this site. Allow it in the browser settings, or enter the code.'
            : name === 'NotFoundError'
              ? 'This device has no camera. Enter the code printed under the QR code instead.'
              : 'The camera could not be started. Enter the code printed under the QR code instead.',
        );
      });
    if (!navigator.mediaDevices) {
      setStarting(false);
      setProblem(
        'This browser gives no camera access here (it needs https). Enter the code instead.',
      );
    }

    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <div className="scanner">
      {problem ? (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      ) : (
        <div className="scanner-frame">
          <video ref={videoRef} muted playsInline aria-label="Camera" />
          <div className="scanner-target" aria-hidden="true" />
          <p className="scanner-hint">
            {starting ? 'Starting the camera…' : 'Point the camera at the code'}
          </p>
        </div>
      )}
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Stop scanning
      </button>
    </div>
  );
}
