import { defineProblem } from '../../shared/app-error.js';

export const idempotencyKeyReused = defineProblem({
  type: 'idempotency-key-reused',
  title: 'This Idempotency-Key was used for a different request',
  status: 422,
});

export const idempotencyKeyInProgress = defineProblem({
  type: 'idempotency-key-in-progress',
  title: 'A request with this Idempotency-Key is still being processed',
  status: 409,
});
