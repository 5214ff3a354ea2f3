import { defineProblem } from '../../shared/app-error.js';

export const webhookNotFound = defineProblem({
  type: 'webhook-not-found',
  title: 'No such webhook',
  status: 404,
});

export const invalidWebhook = defineProblem({
  type: 'invalid-webhook',
  title: 'The webhook is not valid',
  status: 400,
});
