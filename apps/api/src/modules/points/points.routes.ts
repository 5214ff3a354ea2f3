import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { DEFAULT_PAGE_SIZE, setNextPageLink } from '../../shared/paging.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { ADMINISTRATORS, EVERY_ROLE, SUPERVISORS, actorOf } from '../auth/access.js';
import {
  CreatePointBodySchema,
  ListPointsQuerySchema,
  LocationIdParamsSchema,
  PointIdParamsSchema,
  PointSchema,
  PointVersionSchema,
  QrCodePngQuerySchema,
  UpdatePointBodySchema,
} from './points.schemas.js';
import type { PointsService } from './points.service.js';
import { renderQrPng, renderQrSvg } from './qr-codes.js';
import { renderLocationSheet, renderPointSheet } from './qr-sheets.js';

const readers = { roles: EVERY_ROLE, token: true } as const;
/** QR images and sheets carry the payload, which performers must not be able to read. */
const printers = { roles: SUPERVISORS, token: true } as const;
const writers = { roles: ADMINISTRATORS, token: true } as const;
const tags = ['Points'];

/** An OpenAPI response of raw bytes; Fastify sends a Buffer as is, never through a serializer. */
function binaryResponse(contentType: string, description: string) {
  return {
    description,
    content: { [contentType]: { schema: { type: 'string', format: 'binary' } } },
  } as const;
}

/**
 * `inline` so browsers show the image or PDF; the UTF-8 `filename*` (RFC 6266) carries the name
 * in any script, the ASCII `filename` is for old clients: the name itself when it is Latin
 * (accents dropped), otherwise `fallback` rather than a few stray letters of it.
 */
function sendFile(
  reply: FastifyReply,
  file: {
    body: Buffer | string;
    contentType: string;
    name: string;
    fallback: string;
    extension: string;
  },
) {
  const latin = file.name.normalize('NFKD').replace(/\p{M}/gu, '');
  const ascii = /^[\x20-\x7e]+$/.test(latin)
    ? latin
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 80) || file.fallback
    : file.fallback;
  const utf8 = encodeURIComponent(`${file.name}.${file.extension}`);
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `inline; filename="${ascii}.${file.extension}"; filename*=UTF-8''${utf8}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-cache')
    .send(file.body);
}

/** The External API for points, their history, and their QR codes as images and printable sheets. */
export function registerPointRoutes(
  app: FastifyTypeBox,
  { pointsService }: { pointsService: PointsService },
): void {
  app.get(
    '/api/points',
    {
      config: { access: readers },
      schema: {
        operationId: 'listPoints',
        tags,
        summary: 'List points',
        description:
          'Only points of locations the caller sees. Pages follow the `Link: <…>; rel="next"` header.',
        querystring: ListPointsQuerySchema,
        response: { 200: Type.Array(PointSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { points, nextCursor } = await pointsService.listPoints(actorOf(request), {
        locationId: request.query.locationId ?? null,
        includeArchived: request.query.includeArchived ?? false,
        limit: request.query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: request.query.cursor ?? null,
      });
      setNextPageLink(reply, '/api/points', request.query, nextCursor);
      return points;
    },
  );

  app.post(
    '/api/points',
    {
      config: { access: writers },
      schema: {
        operationId: 'createPoint',
        tags,
        summary: 'Create a point',
        description:
          'The server generates the QR payload. NFC UIDs are stored as upper-case hex; GPS needs latitude, longitude and radiusMeters together.',
        body: CreatePointBodySchema,
        response: { 201: PointSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await pointsService.createPoint(actorOf(request), request.body)),
  );

  app.get(
    '/api/points/:id',
    {
      config: { access: readers },
      schema: {
        operationId: 'getPoint',
        tags,
        summary: 'Get a point',
        params: PointIdParamsSchema,
        response: { 200: PointSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => pointsService.getPoint(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/points/:id',
    {
      config: { access: writers },
      schema: {
        operationId: 'updatePoint',
        tags,
        summary: 'Change a point',
        description:
          'Only the fields sent change; memberSettings, when sent, replaces the list. Every change creates a new version (`historyId`).',
        params: PointIdParamsSchema,
        body: UpdatePointBodySchema,
        response: { 200: PointSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => pointsService.updatePoint(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/points/:id/history',
    {
      config: { access: readers },
      schema: {
        operationId: 'listPointHistory',
        tags,
        summary: 'List the versions of a point',
        description: 'Oldest first; each version holds the whole point as it was.',
        params: PointIdParamsSchema,
        response: { 200: Type.Array(PointVersionSchema), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => pointsService.listPointHistory(actorOf(request), request.params.id),
  );

  for (const [action, operationId, summary, description] of [
    [
      'archive',
      'archivePoint',
      'Archive a point',
      'It leaves lists and sheets; its history and past check-ins stay.',
    ],
    ['restore', 'restorePoint', 'Restore an archived point', 'Its location must be active.'],
    [
      'regenerate-qr-code',
      'regeneratePointQrCode',
      'Give a point a new QR code',
      'Printed copies of the old code stop matching at once: print the new one.',
    ],
  ] as const) {
    app.post(
      `/api/points/:id/${action}`,
      {
        config: { access: writers },
        schema: {
          operationId,
          tags,
          summary,
          description,
          params: PointIdParamsSchema,
          response: { 200: PointSchema, ...problemResponses(401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { id } = request.params;
        switch (action) {
          case 'archive':
            return pointsService.archivePoint(actor, id);
          case 'restore':
            return pointsService.restorePoint(actor, id);
          case 'regenerate-qr-code':
            return pointsService.regenerateQrCode(actor, id);
        }
      },
    );
  }

  app.get(
    '/api/points/:id/qr-code.png',
    {
      config: { access: printers },
      schema: {
        operationId: 'getPointQrCodePng',
        tags,
        summary: 'The point’s QR code as a PNG image',
        params: PointIdParamsSchema,
        querystring: QrCodePngQuerySchema,
        response: {
          200: binaryResponse('image/png', 'A PNG image of the QR code'),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { point } = await pointsService.findPointForSheet(actorOf(request), request.params.id);
      return sendFile(reply, {
        body: await renderQrPng(point.qrCode, request.query.size ?? 512),
        contentType: 'image/png',
        name: point.name,
        fallback: 'qr-code',
        extension: 'png',
      });
    },
  );

  app.get(
    '/api/points/:id/qr-code.svg',
    {
      config: { access: printers },
      schema: {
        operationId: 'getPointQrCodeSvg',
        tags,
        summary: 'The point’s QR code as an SVG image',
        params: PointIdParamsSchema,
        response: {
          200: binaryResponse('image/svg+xml', 'An SVG image of the QR code'),
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { point } = await pointsService.findPointForSheet(actorOf(request), request.params.id);
      return sendFile(reply, {
        body: await renderQrSvg(point.qrCode),
        contentType: 'image/svg+xml; charset=utf-8',
        name: point.name,
        fallback: 'qr-code',
        extension: 'svg',
      });
    },
  );

  app.get(
    '/api/points/:id/qr-sheet.pdf',
    {
      config: { access: printers },
      schema: {
        operationId: 'getPointQrSheet',
        tags,
        summary: 'A printable A4 sheet with the point’s QR code, name and location',
        params: PointIdParamsSchema,
        response: {
          200: binaryResponse('application/pdf', 'A PDF document'),
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { point, location } = await pointsService.findPointForSheet(
        actorOf(request),
        request.params.id,
      );
      return sendFile(reply, {
        body: await renderPointSheet(point, location),
        contentType: 'application/pdf',
        name: point.name,
        fallback: 'qr-sheet',
        extension: 'pdf',
      });
    },
  );

  app.get(
    '/api/locations/:id/qr-sheet.pdf',
    {
      config: { access: printers },
      schema: {
        operationId: 'getLocationQrSheet',
        tags,
        summary: 'Printable A4 sheets with the QR codes of all active points of a location',
        description:
          'Twelve labelled codes a page, by point name, with cut lines; the location’s name heads each page.',
        params: LocationIdParamsSchema,
        response: {
          200: binaryResponse('application/pdf', 'A PDF document'),
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { location, points } = await pointsService.listPointsForSheet(
        actorOf(request),
        request.params.id,
      );
      return sendFile(reply, {
        body: await renderLocationSheet(location, points),
        contentType: 'application/pdf',
        name: `${location.name} QR codes`,
        fallback: 'qr-sheet',
        extension: 'pdf',
      });
    },
  );
}
