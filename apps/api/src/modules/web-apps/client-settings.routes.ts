import { Type } from 'typebox';
import type { Config } from '../../config.js';
import type { FastifyTypeBox } from '../../server.js';

export const ClientSettingsSchema = Type.Object(
  {
    map: Type.Object(
      {
        tileUrl: Type.Union([Type.String(), Type.Null()], {
          description:
            'Tile URL template ({z}/{x}/{y}, optionally {s}); null: draw markers on a blank map.',
        }),
        attribution: Type.String({ description: 'The credit to show on the map.' }),
      },
      { additionalProperties: false },
    ),
  },
  { $id: 'ClientSettings', additionalProperties: false },
);

/**
 * What the web apps read from the server's configuration at run time (MAP_TILE_URL…), so one
 * build serves every installation. Public: nothing here is a secret, and sign-in pages may use it.
 */
export function registerClientSettingsRoutes(
  app: FastifyTypeBox,
  { config }: { config: Pick<Config, 'mapTiles'> },
): void {
  app.get(
    '/api/client-settings',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getClientSettings',
        tags: ['Web apps'],
        summary: 'Settings the web apps need (map tiles)',
        response: { 200: ClientSettingsSchema },
      },
    },
    async (_request, reply) => {
      // An operator's change applies after a restart; an hour of caching spares the request.
      void reply.header('cache-control', 'public, max-age=3600');
      return { map: { tileUrl: config.mapTiles.url, attribution: config.mapTiles.attribution } };
    },
  );
}
