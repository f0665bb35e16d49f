import type { Feature, Point } from 'geojson';
import type { CrsCode } from '../crs/crs';

/** Properties of a boundary marker (界桩) or a suggested notice board (公告牌). */
export interface MarkerProperties {
  /** stable, readable number: `QJ01-GL-L-001` (river code + reach no., GL 管理 / BH 保护, bank, seq); notice boards `QJ01-GSP-L-01` */
  id: string;
  markerType: 'boundary' | 'notice-board';
  reach: string;
  /** the reach's name (城区段); absent when unnamed */
  reachName?: string;
  river: string | null;
  /** the line the marker stands on */
  line: 'management' | 'protection';
  bank: 'left' | 'right';
  /** main: regular spacing; bend: extra at a sharp bend; end: a line end; interval: a notice board every N km */
  kind: 'main' | 'bend' | 'end' | 'interval';
  /** position in the numbering (1-based, upstream → downstream) */
  seq: number;
  /** metres along the line from its upstream end, in the GK zone */
  chainageM: number;
  lon: number;
  lat: number;
  /** GK zone the X/Y are in (EPSG:4545 / 4546, no zone prefix) */
  crs: CrsCode;
  /** northing (Chinese X), metres */
  x: number;
  /** easting (Chinese Y), metres */
  y: number;
  sample: boolean;
  /** set when a planner moved the marker off its computed place */
  moved?: boolean;
}

/** A marker as GeoJSON (lon/lat CGCS2000). */
export type MarkerFeature = Feature<Point, MarkerProperties>;
