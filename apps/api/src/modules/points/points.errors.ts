import { defineProblem } from '../../shared/app-error.js';

export const pointNotFound = defineProblem({
  type: 'point-not-found',
  title: 'No such point',
  status: 404,
});

export const invalidPoint = defineProblem({
  type: 'invalid-point',
  title: 'The point is not valid',
  status: 400,
});

export const nfcTagInUse = defineProblem({
  type: 'nfc-tag-in-use',
  title: 'Another point has this NFC tag',
  status: 409,
});

export const locationArchived = defineProblem({
  type: 'location-archived',
  title: 'The location is archived',
  status: 409,
});
