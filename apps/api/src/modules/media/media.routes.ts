import fastifyMultipart, { type Multipart } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Compile } from 'typebox/compile';
import type { FastifyTypeBox } from '../../server.js';
import { AppError } from '../../shared/app-error.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { unsupportedMediaType, validationFailed } from '../../shared/problems.js';
import { describeSchemaErrors } from '../../shared/validation.js';
import { EVERY_ROLE, actorOf } from '../auth/access.js';
import { parseByteRange } from './byte-ranges.js';
import { malformedUpload, mediaRangeNotSatisfiable } from './media.errors.js';
import {
  MediaIdParamsSchema,
  MediaSchema,
  UploadMediaFieldsSchema,
  UploadMediaFormSchema,
  type Media,
} from './media.schemas.js';
import type { MediaService } from './media.service.js';
import { EXTENSIONS, isRecognisedMediaType } from './media-types.js';

/**
 * Everyone in the organization may upload (performers take the photos) and call the downloads;
 * the service then lets a performer read only what they uploaded themselves.
 */
const everyMember = { roles: EVERY_ROLE, token: true } as const;
const tags = ['Media'];
const FILE_FIELD = 'file';
/** Media never change under an id: caches may keep them as long as they like. */
const CACHE_CONTROL = 'private, max-age=31536000, immutable';

const checkUploadFields = Compile(UploadMediaFieldsSchema);

/** An OpenAPI response of raw bytes; Fastify sends a stream as is, never through a serializer. */
function binaryResponse(description: string, contentTypes: readonly string[]) {
  return {
    description,
    content: Object.fromEntries(
      contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  };
}

/** The form fields sent before the file, checked like a JSON body would be. */
function readUploadFields(fields: Record<string, string>) {
  if (!checkUploadFields.Check(fields)) {
    const errors = describeSchemaErrors([...checkUploadFields.Errors(fields)]).map((error) => ({
      in: 'body' as const,
      ...error,
    }));
    throw validationFailed({
      detail: `Check ${errors.map((error) => error.pointer).join(', ')} in the form.`,
      errors,
    });
  }
  return { capture: fields.capture ?? 'UNKNOWN', clientId: fields.clientId ?? null } as const;
}

/** Reads a part's stream to its end, so the parser can move on to what follows it. */
async function discardPart(part: Multipart) {
  if (part.type === 'file') for await (const chunk of part.file) void chunk;
}

/**
 * The multipart parser's own refusals (too many parts, a malformed body) as problems; ours and
 * anything else pass through.
 */
function toUploadProblem(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_FILES_LIMIT') {
    return validationFailed({
      detail: 'Send one file per request.',
      errors: [{ in: 'body', pointer: `/${FILE_FIELD}`, detail: 'must be sent once' }],
    });
  }
  if (typeof code === 'string' && code.startsWith('FST_')) {
    return malformedUpload({ detail: (error as Error).message, cause: error });
  }
  // busboy's own errors: a missing boundary, a body cut off before its closing boundary.
  if (error instanceof Error && /multipart/i.test(error.message)) {
    return malformedUpload({ detail: error.message, cause: error });
  }
  return error;
}

/**
 * The upload form: fields first, then the one file. The file streams straight to the service,
 * which reads what follows it through `finishRequest` before anything is recorded.
 */
async function uploadFromForm(
  request: FastifyRequest,
  mediaService: MediaService,
): Promise<{ media: Media; isReplay: boolean }> {
  if (!request.isMultipart()) {
    throw unsupportedMediaType({
      detail: 'Send the file as multipart/form-data, in a part named "file".',
    });
  }
  const parts = request.parts()[Symbol.asyncIterator]();
  const fields: Record<string, string> = {};
  for (let next = await parts.next(); !next.done; next = await parts.next()) {
    const part = next.value;
    if (part.type === 'field') {
      if (part.fieldname in fields) {
        throw validationFailed({
          detail: `The form has two "${part.fieldname}" fields.`,
          errors: [{ in: 'body', pointer: `/${part.fieldname}`, detail: 'must be sent once' }],
        });
      }
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== FILE_FIELD) {
      await discardPart(part);
      throw validationFailed({
        detail: `Send the file in a part named "${FILE_FIELD}".`,
        errors: [{ in: 'body', pointer: `/${part.fieldname}`, detail: 'is not a known field' }],
      });
    }
    let upload;
    try {
      upload = readUploadFields(fields);
    } catch (error) {
      await discardPart(part);
      throw error;
    }
    return mediaService.uploadMedia(actorOf(request), {
      ...upload,
      body: part.file,
      declaredType: part.mimetype,
      originalName: part.filename || null,
      finishRequest: async () => {
        for (let rest = await parts.next(); !rest.done; rest = await parts.next()) {
          await discardPart(rest.value);
          throw validationFailed({
            detail: `Send the form fields before the file, and only one file.`,
            errors: [
              {
                in: 'body',
                pointer: `/${rest.value.fieldname}`,
                detail: `must come before /${FILE_FIELD}`,
              },
            ],
          });
        }
      },
    });
  }
  throw validationFailed({
    detail: `The form has no file; send it in a part named "${FILE_FIELD}".`,
    errors: [{ in: 'body', pointer: `/${FILE_FIELD}`, detail: 'is required' }],
  });
}

/** A download's file name: the media id (ASCII, unlike the uploaded name) and its extension. */
function fileNameOf(media: Media): string {
  const extension = isRecognisedMediaType(media.contentType)
    ? EXTENSIONS[media.contentType]
    : 'bin';
  return `${media.id}.${extension}`;
}

function setCommonHeaders(
  reply: FastifyReply,
  { etag, fileName, createdAt }: { etag: string; fileName: string; createdAt: string },
) {
  void reply.headers({
    etag,
    'cache-control': CACHE_CONTROL,
    // Never let a browser guess another type (say, HTML) from the bytes.
    'x-content-type-options': 'nosniff',
    'content-disposition': `inline; filename="${fileName}"`,
    'last-modified': new Date(createdAt).toUTCString(),
  });
}

/** Whether the client's cached copy (If-None-Match) is this one: then 304 and no body. */
function isCachedCopy(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/**
 * Photo and video evidence: upload from the field app, download for the admin app and
 * integrators (so `mediaValueIds` of task results can be fetched).
 */
export async function registerMediaRoutes(
  app: FastifyTypeBox,
  { mediaService, config }: { mediaService: MediaService; config: { mediaMaxBytes: number } },
): Promise<void> {
  // Encapsulated: only these routes parse multipart/form-data; everywhere else it stays a 415.
  await app.register(async (scope: FastifyTypeBox) => {
    await scope.register(fastifyMultipart, {
      // One byte past the maximum, so the service sees that a file is too large; the limit stops
      // the parser from buffering more of it.
      throwFileSizeLimit: false,
      limits: {
        fileSize: config.mediaMaxBytes + 1,
        files: 1,
        fields: 10,
        fieldNameSize: 100,
        fieldSize: 1024,
        parts: 12,
        headerPairs: 100,
      },
    });

    scope.post(
      '/api/media',
      {
        // The Idempotency-Key hook hashes the JSON body, which a streamed upload does not have;
        // `clientId` gives uploads their retry safety instead.
        config: { access: everyMember, idempotent: false },
        schema: {
          operationId: 'uploadMedia',
          tags,
          summary: 'Upload a photo or video',
          description: `A \`multipart/form-data\` form: the optional fields \`capture\` and \`clientId\` first, then the file in a part named \`file\` with its Content-Type. The file's first bytes must show the declared type (a renamed file is refused with 415); its size is limited by the server's MEDIA_MAX_BYTES (15 MiB by default). The answer has the file's SHA-256 and, for images, its size in pixels. A \`clientId\` already uploaded answers 200 with the first upload and stores nothing. Any member may upload; see \`GET /media/{id}\` for who may read.`,
          consumes: ['multipart/form-data'],
          body: UploadMediaFormSchema,
          response: {
            201: MediaSchema,
            // A retried `clientId`: the first upload.
            200: MediaSchema,
            ...problemResponses(400, 401, 403, 413, 415),
          },
        },
        // The form streams past the schema: the handler checks each part as it arrives.
        validatorCompiler: () => () => true,
      },
      async (request, reply) => {
        let uploaded;
        try {
          uploaded = await uploadFromForm(request, mediaService);
        } catch (error) {
          throw toUploadProblem(error);
        }
        return reply.code(uploaded.isReplay ? 200 : 201).send(uploaded.media);
      },
    );
  });

  app.get(
    '/api/media/:id',
    {
      config: { access: everyMember },
      schema: {
        operationId: 'downloadMedia',
        tags,
        summary: 'Download a photo or video',
        description:
          'The original bytes, with their type, `ETag` (the SHA-256 in quotes) and `Cache-Control: immutable`. `Range` requests are answered with 206, so videos can seek. Supervisors (Owner, Admin, Manager) and API tokens read every media file of the organization; Users and Guards only those they uploaded.',
        params: MediaIdParamsSchema,
        response: {
          200: binaryResponse('The file', ['image/*', 'video/*']),
          206: binaryResponse('The requested part of the file', ['image/*', 'video/*']),
          304: { description: 'Not modified: the `If-None-Match` ETag is current', type: 'null' },
          ...problemResponses(401, 403, 404),
          416: { ...problemResponses(416)[416], description: 'The range is outside the file' },
        },
      },
    },
    async (request, reply) => {
      const file = await mediaService.getMediaFile(actorOf(request), request.params.id);
      const { media } = file;
      const etag = `"${media.sha256}"`;
      setCommonHeaders(reply, { etag, fileName: fileNameOf(media), createdAt: media.createdAt });
      void reply.header('accept-ranges', 'bytes');
      if (isCachedCopy(request, etag)) return reply.code(304).send(null);

      // Media never change, so an If-Range naming another version cannot match: whole file.
      const ifRange = request.headers['if-range'];
      const range =
        ifRange === undefined || ifRange === etag
          ? parseByteRange(request.headers.range, media.sizeInBytes)
          : null;
      if (range === 'unsatisfiable') {
        throw mediaRangeNotSatisfiable({
          detail: `The file has ${media.sizeInBytes} bytes.`,
          headers: { 'content-range': `bytes */${media.sizeInBytes}` },
        });
      }
      if (range === null) {
        const object = await file.open();
        return reply
          .type(media.contentType)
          .header('content-length', String(object.size))
          .send(object.body);
      }
      const object = await file.open(range);
      return reply
        .code(206)
        .type(media.contentType)
        .header('content-range', `bytes ${range.start}-${range.end}/${object.size}`)
        .header('content-length', String(range.end - range.start + 1))
        .send(object.body);
    },
  );

  app.get(
    '/api/media/:id/thumbnail',
    {
      config: { access: everyMember },
      schema: {
        operationId: 'downloadMediaThumbnail',
        tags,
        summary: 'Download the thumbnail of a photo',
        description:
          'A JPEG at most 320 pixels on either side, upright. Only for media with `hasThumbnail` (JPEG and PNG photos); otherwise 404. The same readers as the file.',
        params: MediaIdParamsSchema,
        response: {
          200: binaryResponse('A JPEG image', ['image/jpeg']),
          304: { description: 'Not modified: the `If-None-Match` ETag is current', type: 'null' },
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await mediaService.getThumbnailFile(actorOf(request), request.params.id);
      const { media } = file;
      // Derived from the original, so named after it; a thumbnail never changes either.
      const etag = `"${media.sha256}-thumbnail"`;
      setCommonHeaders(reply, {
        etag,
        fileName: `${media.id}-thumbnail.jpg`,
        createdAt: media.createdAt,
      });
      if (isCachedCopy(request, etag)) return reply.code(304).send(null);
      const object = await file.open();
      return reply
        .type('image/jpeg')
        .header('content-length', String(object.size))
        .send(object.body);
    },
  );

  app.get(
    '/api/media/:id/info',
    {
      config: { access: everyMember },
      schema: {
        operationId: 'getMediaInfo',
        tags,
        summary: 'Get what is known about a photo or video',
        description: 'The same readers as the file.',
        params: MediaIdParamsSchema,
        response: { 200: MediaSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => mediaService.getMediaInfo(actorOf(request), request.params.id),
  );
}
