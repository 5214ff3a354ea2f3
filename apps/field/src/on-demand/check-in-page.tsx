import { useState } from 'react';
import { describeError } from '../api/problem.js';
import { CheckInPanel } from '../check-in/check-in-panel.js';
import type { PresenceProof } from '../check-in/presence.js';
import { useLocationsById, usePoints } from '../executions/executions-data.js';
import { settleWrite, type WriteOutcome } from '../executions/use-performing.js';
import { useFieldServices } from '../offline/field-services.js';
import { useRouter } from '../shell/router.js';
import { useSession } from '../session/session.js';

/**
 * An on-demand check-in: presence at a point without a planned task. The server opens a one-off
 * execution of the point's checklist, which the performer then fills like any other.
 */
export function CheckInPage() {
  const { queue } = useFieldServices();
  const { memberId } = useSession();
  const { navigate } = useRouter();
  const { data, error, isPending } = usePoints();
  const locations = useLocationsById();
  const [pointId, setPointId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<WriteOutcome | null>(null);
  const points = (data?.value ?? []).filter(
    (point) => !point.archived && point.onDemandCheckIns !== 'DISABLED',
  );
  const point = points.find((candidate) => candidate.id === pointId);

  async function checkIn(proof: PresenceProof): Promise<void> {
    if (!point) return;
    const queued = await queue.addCheckIn(memberId, { pointId: point.id, ...proof });
    const settled = await settleWrite(queue, queued.id);
    setOutcome(settled);
    // The server opened a one-off execution of the point's checklist: fill it in there.
    if (settled.kind === 'applied' && settled.resultId)
      navigate({ name: 'execution', executionId: settled.resultId });
  }

  return (
    <div className="stack">
      <h2>Check in at a point</h2>
      {isPending && <p className="muted">Loading points…</p>}
      {error && !data && (
        <p role="alert" className="notice notice-error">
          {describeError(error)}
        </p>
      )}
      {data && points.length === 0 && (
        <p className="empty">None of your points takes on-demand check-ins.</p>
      )}
      {points.length > 0 && (
        <label className="field">
          <span>Point</span>
          <select
            value={pointId ?? ''}
            onChange={(event) => setPointId(event.target.value || null)}
          >
            <option value="">Choose the point you are at</option>
            {points.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name} · {locations.get(candidate.locationId)?.name ?? ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {outcome?.kind === 'refused' && (
        <p role="alert" className="notice notice-error" data-testid="check-in-problem">
          {outcome.reason}
        </p>
      )}
      {outcome?.kind === 'queued' && (
        <p className="notice notice-info" role="status">
          Checked in on this phone: sent when the connection is back. The point’s checklist opens
          once the server has it.
        </p>
      )}
      {point && (
        <CheckInPanel
          key={point.id}
          point={point}
          onCheckIn={(proof) => {
            setOutcome(null);
            return checkIn(proof);
          }}
        />
      )}
    </div>
  );
}
