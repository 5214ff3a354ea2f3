import { defineProblem } from '../../shared/app-error.js';

export const authenticationRequired = defineProblem({
  type: 'authentication-required',
  title: 'Authentication is required',
  status: 401,
});

export const invalidCredentials = defineProblem({
  type: 'invalid-credentials',
  title: 'The credentials are not valid',
  status: 401,
});

export const malformedAuthorization = defineProblem({
  type: 'malformed-authorization',
  title: 'The Authorization header is malformed',
  status: 401,
});

export const forbidden = defineProblem({
  type: 'forbidden',
  title: 'You may not do this',
  status: 403,
});

export const csrfTokenMissing = defineProblem({
  type: 'csrf-token-invalid',
  title: 'The request lacks the session’s CSRF token',
  status: 403,
});

export const tooManySignInAttempts = defineProblem({
  type: 'too-many-sign-in-attempts',
  title: 'Too many failed sign-in attempts',
  status: 429,
});

export const weakPassword = defineProblem({
  type: 'weak-password',
  title: 'The password is too weak',
  status: 400,
});

export const emailTaken = defineProblem({
  type: 'email-taken',
  title: 'An account with this e-mail address exists already',
  status: 409,
});

export const noOrganizationSelected = defineProblem({
  type: 'no-organization-selected',
  title: 'Choose an organization first',
  status: 403,
});

export const resetLinkNotValid = defineProblem({
  type: 'reset-link-not-valid',
  title: 'The password reset link is not valid',
  status: 400,
});
