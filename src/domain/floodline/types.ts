// The flood-line engine's inputs and outputs (issue 16, 行洪河床). Everything is in the DEM's planar
// CRS (a CGCS2000 Gauss-Krüger zone, metres); a geographic DEM is wrapped first (see
// `planarView` in resample-geographic.ts) so the engine only ever sees metres.
import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { Message } from '../message';

/**
 * A DEM as the engine reads it: a north-up grid of `width` × `height` cells whose top-left corner is
 * (`originX`, `originY`), cells `cellWidth` × `cellHeight` metres (both positive), and a way to read a
 * rectangle of cells (row-major Float32 heights; nodata cells hold `nodata` or NaN). The engine asks
 * for windows only where it works, never for the whole grid.
 */
export interface RasterSource {
  readonly width: number;
  readonly height: number;
  readonly originX: number;
  readonly originY: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly nodata: number | null;
  /** heights of cols [col, col + cols) × rows [row, row + rows), row-major; the rectangle is inside the grid */
  readWindow(col: number, row: number, cols: number, rows: number): Promise<Float32Array>;
}

/** Where a constant-level flood starts: a point (e.g. a dam's upstream face) or a polygon (the normal pool). */
export type FloodSeed = Point | Polygon;

/** Figures of one run, for the result and the bench. */
export interface FloodStats {
  /** cells read from the raster (whole windows) */
  cellsRead: number;
  /** cells found flooded and connected */
  cellsFlooded: number;
  /** windows read */
  windowsRead: number;
  /** flooded area in m² (cells × cell area) */
  floodedArea: number;
}

/** The flooded polygon for a constant water level (a reservoir's 校核洪水位 contour). */
export interface FloodAreaResult {
  /** the connected flooded area in the raster's CRS; islands are holes */
  area: MultiPolygon;
  stats: FloodStats;
}

/** Options of `floodAreaAtLevel`. */
export interface FloodAreaOptions {
  /** how far from the seed (m) the flood may reach before it is an error; default 5000 */
  maxDistance?: number;
}

/** A result that is either a value or a message saying why not (bad data, not misuse). */
export type FloodOutcome<T> =
  | { ok: true; value: T; warnings: Message[] }
  | { ok: false; error: Message; warnings: Message[] };
