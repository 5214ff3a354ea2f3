import { defineProblem } from '../../shared/app-error.js';

export const organizationNotFound = defineProblem({
  type: 'organization-not-found',
  title: 'No such organization',
  status: 404,
});
