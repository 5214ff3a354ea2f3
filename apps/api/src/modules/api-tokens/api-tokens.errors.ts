import { defineProblem } from '../../shared/app-error.js';

export const apiTokenNotFound = defineProblem({
  type: 'api-token-not-found',
  title: 'No such API token',
  status: 404,
});

export const expiryInThePast = defineProblem({
  type: 'expiry-in-the-past',
  title: 'The expiry is in the past',
  status: 400,
});
