import { defineProblem } from '../../shared/app-error.js';

export const locationNotFound = defineProblem({
  type: 'location-not-found',
  title: 'No such location',
  status: 404,
});

export const invalidTimeZone = defineProblem({
  type: 'invalid-time-zone',
  title: 'The time zone is not an IANA time zone',
  status: 400,
});

export const incompleteCoordinates = defineProblem({
  type: 'incomplete-coordinates',
  title: 'Latitude and longitude go together',
  status: 400,
});
