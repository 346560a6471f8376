/** HTTP routes of the `search` module: one box that finds anything indexed, ignoring diacritics. */
import { z } from 'zod';
import { errorResponses, zText } from '../../../contracts/common';
import { ZSearchHit } from '../../../contracts/platform';
import { inTenant } from '../../platform/http';
import { audienceOf, search } from '../../platform/search';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      config: { readOnly: true },
      schema: {
        tags: ['search'],
        summary: 'Tìm kiếm không dấu / Diacritic-insensitive search',
        querystring: z.object({ q: zText(200), type: zText(50).optional() }),
        response: { 200: z.array(ZSearchHit), ...errorResponses },
      },
    },
    // Only what the caller may find: an item for one unit is not found by another unit's people.
    (req) =>
      inTenant(req, (tx, actor) =>
        search(tx, req.query.q, { audience: audienceOf(actor), types: req.query.type ? [req.query.type] : undefined }),
      ),
  );
};
