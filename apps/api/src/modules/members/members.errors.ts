import { defineProblem } from '../../shared/app-error.js';

export const userNotFound = defineProblem({
  type: 'user-not-found',
  title: 'No such user',
  status: 404,
});

export const unknownLocation = defineProblem({
  type: 'unknown-location',
  title: 'A location does not exist in this organization',
  status: 400,
});

export const memberDetailsRequired = defineProblem({
  type: 'member-details-required',
  title: 'The role needs more details',
  status: 400,
});

export const memberConflict = defineProblem({
  type: 'member-conflict',
  title: 'Another member has this e-mail address or member number',
  status: 409,
});

export const ownerRequired = defineProblem({
  type: 'owner-required',
  title: 'An organization needs an active Owner',
  status: 409,
});

export const invitationNotValid = defineProblem({
  type: 'invitation-not-valid',
  title: 'The invitation is not valid',
  status: 400,
});

export const passwordRequired = defineProblem({
  type: 'password-required',
  title: 'A password is required',
  status: 400,
});

export const ownershipTransferNotPossible = defineProblem({
  type: 'ownership-transfer-not-possible',
  title: 'Ownership cannot be handed to this member',
  status: 409,
});

export const cannotLeave = defineProblem({
  type: 'cannot-leave',
  title: 'This session cannot leave the organization',
  status: 403,
});
