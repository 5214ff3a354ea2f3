import type { Schemas } from '@openpatrol/api-client';

/** How the performer proves they are at a point (the fields of a CHECKED_IN write). */
export type PresenceProof =
  | { readonly method: 'QR' | 'MANUAL'; readonly code: string }
  | { readonly method: 'NFC'; readonly nfcTagUid: string }
  | { readonly method: 'GPS'; readonly position: Schemas['Position'] };

const EARTH_RADIUS_METERS = 6_371_008.8;

/** Great-circle distance, as the server measures it for GPS check-ins. */
export function distanceInMeters(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLatitude = radians(b.latitude - a.latitude);
  const dLongitude = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLatitude / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLongitude / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Web NFC (Chrome on Android). Not in TypeScript's DOM library yet. */
interface NdefReadingEvent extends Event {
  readonly serialNumber: string;
}
interface NdefReader extends EventTarget {
  scan(options?: { signal?: AbortSignal }): Promise<void>;
}
type NdefReaderConstructor = new () => NdefReader;

export function isNfcAvailable(): boolean {
  return 'NDEFReader' in window;
}

/** Waits for one tag and answers its serial number (the UID the point was registered with). */
export async function readNfcTagUid(signal: AbortSignal): Promise<string> {
  const Reader = (window as unknown as { NDEFReader: NdefReaderConstructor }).NDEFReader;
  const reader = new Reader();
  const read = new Promise<string>((resolve, reject) => {
    reader.addEventListener('reading', (event) =>
      resolve((event as NdefReadingEvent).serialNumber),
    );
    reader.addEventListener('readingerror', () =>
      reject(new Error('The tag could not be read. Hold the phone still against it.')),
    );
    signal.addEventListener('abort', () => reject(new DOMException('Stopped', 'AbortError')));
  });
  await reader.scan({ signal });
  return read;
}

export function readPosition(): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('This device gives no position.'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      resolve,
      (error) => {
        reject(
          new Error(
            error.code === error.PERMISSION_DENIED
              ? 'The position is not allowed for this site. Allow it in the browser settings.'
              : 'No position fix. Step outside or wait a moment, then try again.',
          ),
        );
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    );
  });
}
