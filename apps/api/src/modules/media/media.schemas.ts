import { Type, type Static } from 'typebox';
import { StringEnum } from '../../shared/string-enum.js';

export const MEDIA_CAPTURES = ['CAMERA', 'GALLERY', 'UNKNOWN'] as const;
export type MediaCapture = (typeof MEDIA_CAPTURES)[number];

export const MediaSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    contentType: Type.String({
      description:
        'The type the bytes were recognised as (it matched the declared one), e.g. `image/jpeg`.',
    }),
    sizeInBytes: Type.Integer({ minimum: 1 }),
    sha256: Type.String({
      pattern: '^[0-9a-f]{64}$',
      description:
        'SHA-256 of the stored bytes, lower-case hex: proof the file was not altered since upload. Also the `ETag` of the download.',
    }),
    capture: StringEnum([...MEDIA_CAPTURES], {
      description:
        'How the field app says the picture was taken: `CAMERA` (taken in the app), `GALLERY` (picked from the phone), `UNKNOWN` (not said). Camera-only actions accept `CAMERA` only.',
    }),
    width: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Pixels as displayed (EXIF orientation applied); null for videos.',
    }),
    height: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Pixels as displayed (EXIF orientation applied); null for videos.',
    }),
    hasThumbnail: Type.Boolean({
      description:
        'Whether `GET /media/{id}/thumbnail` has a JPEG preview (JPEG and PNG images up to 50 megapixels).',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    uploadedByMemberId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
      description: 'The member who uploaded it; null when an API token did.',
    }),
  },
  { $id: 'Media', additionalProperties: false },
);
export type Media = Static<typeof MediaSchema>;

const CaptureFieldSchema = StringEnum(['CAMERA', 'GALLERY'], {
  description:
    'How the picture was taken: `CAMERA` in the app, `GALLERY` picked from the phone. Leave it out when not known (stored as `UNKNOWN`).',
});
const ClientIdFieldSchema = Type.String({
  format: 'uuid',
  description:
    'An id the field app generates for this upload. Sending it again (a retry after a lost answer) stores nothing new and answers 200 with the first upload.',
});

/** The form fields beside the file, checked by the upload route as they arrive. */
export const UploadMediaFieldsSchema = Type.Object(
  {
    capture: Type.Optional(CaptureFieldSchema),
    clientId: Type.Optional(ClientIdFieldSchema),
  },
  { additionalProperties: false },
);
export type UploadMediaFields = Static<typeof UploadMediaFieldsSchema>;

/**
 * The multipart form as the API reference shows it. Documentation only: the parts stream through
 * the upload route, which checks them itself (the file is never held in memory as a body).
 */
export const UploadMediaFormSchema = Type.Object(
  {
    capture: Type.Optional(CaptureFieldSchema),
    clientId: Type.Optional(ClientIdFieldSchema),
    file: Type.Unsafe<unknown>({
      type: 'string',
      format: 'binary',
      description:
        'The photo or video, with its Content-Type. Send it after the other fields; one file per request.',
    }),
  },
  { additionalProperties: false },
);

export const MediaIdParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
