import { defineProblem } from '../../shared/app-error.js';

export const mediaNotFound = defineProblem({
  type: 'media-not-found',
  title: 'No such media',
  status: 404,
});

export const mediaThumbnailNotFound = defineProblem({
  type: 'media-thumbnail-not-found',
  title: 'This media has no thumbnail',
  status: 404,
});

export const mediaTooLarge = defineProblem({
  type: 'media-too-large',
  title: 'The file is too large',
  status: 413,
});

export const mediaTypeNotAllowed = defineProblem({
  type: 'media-type-not-allowed',
  title: 'This type of file is not accepted',
  status: 415,
});

export const malformedUpload = defineProblem({
  type: 'malformed-upload',
  title: 'The upload is not a valid multipart/form-data body',
  status: 400,
});

export const mediaRangeNotSatisfiable = defineProblem({
  type: 'media-range-not-satisfiable',
  title: 'The requested range is outside the file',
  status: 416,
});
