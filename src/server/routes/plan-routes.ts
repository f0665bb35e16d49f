import { Hono } from 'hono';
import type { ZoneEngine } from '../../domain/zones/compute-zones';
import { loadZoneEngine } from '../../domain/zones/compute-zones';
import type { AppEnv, ServerDeps } from '../auth/context';
import { createLiveHub } from '../live-hub';
import { createPublishedTiles } from '../tiles/published-tiles';
import { acceptanceRoutes } from './acceptance-routes';
import { adminRoutes } from './admin-routes';
import { approvedRoutes } from './approved-routes';
import { commentRoutes } from './comment-routes';
import { consultationRoutes } from './consultation-routes';
import { displayRoutes } from './display-routes';
import { documentRoutes } from './document-routes';
import { eventRoutes } from './event-routes';
import { geometryRoutes } from './geometry-routes';
import { markerRoutes } from './marker-routes';
import { noticeRoutes } from './notice-routes';
import { createPublicZones } from './public-zones';
import { publishedTileRoutes } from './published-tile-routes';
import { reviewRoutes } from './review-routes';
import { sheetRoutes } from './sheet-routes';
import { todoRoutes } from './todo-routes';
import { workflowRoutes } from './workflow-routes';
import { zoneRoutes } from './zone-routes';

/**
 * Zones, geometry versions, stages, publication, markers, notices, comments and audit of plans, and
 * the admin's accounts, settings and rule table (issue 5).
 */
export function planRoutes(deps: ServerDeps, imageryDir: string | null = null): Hono<AppEnv> {
  // GEOS loads once, on the first request that needs it
  let engine: Promise<ZoneEngine> | null = null;
  const getEngine = () => {
    engine ??= loadZoneEngine();
    return engine;
  };
  const publicZones = createPublicZones(deps, getEngine);
  const app = new Hono<AppEnv>();
  app.route('/', zoneRoutes(deps, publicZones));
  app.route('/', geometryRoutes(deps));
  app.route('/', approvedRoutes(deps, getEngine));
  app.route('/', workflowRoutes(deps));
  app.route('/', noticeRoutes(deps));
  app.route('/', markerRoutes(deps));
  const tiles = deps.publishedTiles ?? createPublishedTiles(deps.store, publicZones.featuresOf);
  app.route('/', publishedTileRoutes(tiles));
  app.route('/', sheetRoutes(deps, imageryDir));
  app.route('/', adminRoutes(deps));
  app.route('/', displayRoutes(deps));
  app.route('/', acceptanceRoutes(deps));
  app.route('/', reviewRoutes(deps));
  app.route('/', consultationRoutes(deps));
  app.route('/', documentRoutes(deps));
  // comments, the stage history, the to-do list and live updates (issue 19)
  app.route('/', commentRoutes(deps));
  app.route('/', todoRoutes(deps));
  app.route('/', eventRoutes(deps, createLiveHub(deps.store)));
  return app;
}
