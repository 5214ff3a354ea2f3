import type { Schemas } from '@openpatrol/api-client';
import { useState } from 'react';
import { readPosition } from '../check-in/presence.js';
import { useLocations, usePoints } from '../executions/executions-data.js';
import { MediaThumbnail } from '../executions/media-thumbnail.js';
import { settleWrite } from '../executions/use-performing.js';
import { LOCAL_MEDIA_PREFIX } from '../offline/field-database.js';
import { useFieldServices } from '../offline/field-services.js';
import { useSession } from '../session/session.js';

type IssueCategory = Schemas['IssueCategory'];
type IssueSeverity = Schemas['IssueSeverity'];

const CATEGORIES: readonly IssueCategory[] = [
  'INTRUSION',
  'DAMAGE',
  'FIRE',
  'SAFETY',
  'MAINTENANCE',
  'CLEANING',
  'MEDICAL',
  'OTHER',
];
const SEVERITIES: readonly IssueSeverity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const label = (value: string) => value.charAt(0) + value.slice(1).toLowerCase();

/** Reporting an incident or defect with photos and the phone's position; queued like every write. */
export function ReportIssuePage() {
  const { queue } = useFieldServices();
  const { memberId } = useSession();
  const locations = useLocations().data?.value ?? [];
  const points = usePoints().data?.value ?? [];
  const [locationId, setLocationId] = useState('');
  const [pointId, setPointId] = useState('');
  const [category, setCategory] = useState<IssueCategory>('OTHER');
  const [severity, setSeverity] = useState<IssueSeverity>('MEDIUM');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [mediaIds, setMediaIds] = useState<string[]>([]);
  const [position, setPosition] = useState<Schemas['IssuePosition'] | null>(null);
  const [positionProblem, setPositionProblem] = useState<string | null>(null);
  const [result, setResult] = useState<{ tone: 'ok' | 'info' | 'error'; text: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const chosenLocation = locationId || (locations.length === 1 ? (locations[0]?.id ?? '') : '');

  async function addPhotos(files: FileList | null, capture: 'CAMERA' | 'GALLERY') {
    const added: string[] = [];
    for (const file of Array.from(files ?? []))
      added.push(LOCAL_MEDIA_PREFIX + (await queue.storeMedia(memberId, file, capture)));
    setMediaIds((current) => [...current, ...added]);
  }

  async function locate() {
    setPositionProblem(null);
    try {
      const fix = await readPosition();
      setPosition({
        latitude: fix.coords.latitude,
        longitude: fix.coords.longitude,
        accuracyInMeters: fix.coords.accuracy,
      });
    } catch (error) {
      setPositionProblem(error instanceof Error ? error.message : 'No position.');
    }
  }

  return (
    <div className="stack">
      <h2>Report an issue</h2>
      {result && (
        <p
          role={result.tone === 'error' ? 'alert' : 'status'}
          className={`notice notice-${result.tone}`}
        >
          {result.text}
        </p>
      )}
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (!chosenLocation) return;
          setBusy(true);
          void queue
            .addIssue(memberId, {
              locationId: chosenLocation,
              pointId: pointId || null,
              category,
              severity,
              title: title.trim(),
              description: description.trim() || null,
              position,
              mediaIds,
            })
            .then((queued) => settleWrite(queue, queued.id))
            .then((outcome) => {
              if (outcome.kind === 'refused') {
                setResult({ tone: 'error', text: outcome.reason });
                return;
              }
              setResult(
                outcome.kind === 'applied'
                  ? { tone: 'ok', text: 'Issue reported.' }
                  : { tone: 'info', text: 'Saved on this phone: the report is sent when online.' },
              );
              setTitle('');
              setDescription('');
              setMediaIds([]);
              setPosition(null);
            })
            .finally(() => setBusy(false));
        }}
      >
        <label className="field">
          <span>Location</span>
          <select
            value={chosenLocation}
            onChange={(event) => setLocationId(event.target.value)}
            required
          >
            <option value="">Choose…</option>
            {locations.map((location) => (
              <option key={location.id} value={location.id}>
                {location.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Point (optional)</span>
          <select value={pointId} onChange={(event) => setPointId(event.target.value)}>
            <option value="">None</option>
            {points
              .filter((point) => point.locationId === chosenLocation)
              .map((point) => (
                <option key={point.id} value={point.id}>
                  {point.name}
                </option>
              ))}
          </select>
        </label>
        <label className="field">
          <span>Category</span>
          <select
            value={category}
            onChange={(event) => setCategory(event.target.value as IssueCategory)}
          >
            {CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {label(value)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field">
          <legend>Severity</legend>
          <div className="choice-row">
            {SEVERITIES.map((value) => (
              <button
                key={value}
                type="button"
                className={`button choice${severity === value ? ' choice-selected' : ''}`}
                aria-pressed={severity === value}
                onClick={() => setSeverity(value)}
              >
                {label(value)}
              </button>
            ))}
          </div>
        </fieldset>
        <label className="field">
          <span>What happened</span>
          <input
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            maxLength={200}
            required
          />
        </label>
        <label className="field">
          <span>Details (optional)</span>
          <textarea
            rows={3}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </label>
        {mediaIds.length > 0 && (
          <ul className="thumbnails">
            {mediaIds.map((mediaId, index) => (
              <li key={mediaId}>
                <MediaThumbnail mediaId={mediaId} alt={`Issue photo ${index + 1}`} />
              </li>
            ))}
          </ul>
        )}
        <div className="button-grid">
          <label className="button button-secondary">
            Take photo
            <input
              type="file"
              accept="image/*"
              capture="environment"
              className="visually-hidden"
              onChange={(event) => {
                void addPhotos(event.target.files, 'CAMERA');
                event.target.value = '';
              }}
            />
          </label>
          <label className="button button-secondary">
            From gallery
            <input
              type="file"
              accept="image/*"
              multiple
              className="visually-hidden"
              onChange={(event) => {
                void addPhotos(event.target.files, 'GALLERY');
                event.target.value = '';
              }}
            />
          </label>
          <button type="button" className="button button-secondary" onClick={() => void locate()}>
            {position ? 'Position attached ✓' : 'Attach my position'}
          </button>
        </div>
        {position && (
          <p className="hint">
            {position.latitude.toFixed(5)}, {position.longitude.toFixed(5)} (±
            {Math.round(position.accuracyInMeters ?? 0)} m)
          </p>
        )}
        {positionProblem && <p className="field-error">{positionProblem}</p>}
        <button
          type="submit"
          className="button button-primary button-large"
          disabled={busy || !chosenLocation}
        >
          {busy ? 'Sending…' : 'Report issue'}
        </button>
      </form>
    </div>
  );
}
