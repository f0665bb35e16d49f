import type { Geometry } from 'geojson';
import type { CrsCode } from '../../crs/crs';
import type { Message, MessageParam } from '../../message';
import type { TextEncoding } from '../types';

/** One feature as a reader found it: coordinates in the file's units and order. */
export interface RawFeature {
  geometry: Geometry;
  properties: Record<string, unknown>;
  /** where it is, for messages: `row 12`, `feature 3 of layer 河道` */
  where: Message;
}

/** What a reader hands on: features in file coordinates, plus what the file says about them. */
export interface RawData {
  features: RawFeature[];
  /** coordinate tables give X = north first; GIS/CAD files give x = east first */
  order: 'east-north' | 'north-east';
  /** a CRS the file declares (.prj, GeoJSON `crs`, KML's lon/lat), with where it said so */
  declared: { crs: CrsCode; source: MessageParam } | null;
  /** the 3° zone a table header names (带号), if any */
  zone: number | null;
  encoding: TextEncoding | 'ascii' | null;
  warnings: Message[];
}

/** A reader's outcome. */
export type RawResult = { ok: true; raw: RawData } | { ok: false; errors: Message[] };
