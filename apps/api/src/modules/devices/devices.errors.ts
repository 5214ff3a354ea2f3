import { defineProblem } from '../../shared/app-error.js';

export const deviceNotFound = defineProblem({
  type: 'device-not-found',
  title: 'No such device',
  status: 404,
});

export const registrationCodeNotValid = defineProblem({
  type: 'registration-code-not-valid',
  title: 'The registration code is not valid',
  status: 400,
});

export const deviceNotAuthorized = defineProblem({
  type: 'device-not-authorized',
  title: 'This device is not authorized for guard sign-in',
  status: 403,
});
