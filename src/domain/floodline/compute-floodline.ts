// Flood lines of a reach (issue 16, 行洪河床): where the design (or highest historic) flood level meets
// the ground on each bank, from a DEM, a centreline and levels along it.
import type { Feature, LineString, MultiPolygon, Position } from 'geojson';
import { type Message, msg } from '../message';
import { CentrelineIndex, type Projection } from './centreline-index';
import { FloodGrid, type Surface, Where } from './flood-grid';
import { assemblePolygons, ringArea } from './polygons';
import { splitBanks } from './split-banks';
import { traceContour } from './trace-contour';
import type { FloodOutcome, FloodStats, RasterSource } from './types';
import { chainageRanges, type LevelPoint, waterLevels } from './water-levels';

/** What a flood-line run needs. */
export interface FloodlineInput {
  raster: RasterSource;
  /** upstream → downstream, in the raster's CRS */
  centreline: readonly Position[];
  levels: readonly LevelPoint[];
  /** cells farther than this from the centreline (m) may not flood; default 2000 */
  maxWidth?: number;
  /** recorded on the lines: where the levels came from (a file name, 设计洪水位 …) */
  levelsSource: string;
  /** recorded on the lines: the DEM's file name and SHA-256 */
  dem: { name: string; sha256: string };
}

/** Bank-line properties recorded on each computed line. */
export interface FloodlineProperties {
  role: 'bank-left' | 'bank-right';
  source: 'floodline';
  levelsSource: string;
  demName: string;
  demSha256: string;
  /** the DEM's cell size (m) */
  demCellSize: number;
  /** levels at the first and last cross-section, and how many there are */
  waterLevelUpstream: number;
  waterLevelDownstream: number;
  levelSections: number;
  maxWidth: number;
}

/** The two bank lines, the flooded area for the preview, and the run's figures. */
export interface FloodlineResult {
  banks: [Feature<LineString, FloodlineProperties>, Feature<LineString, FloodlineProperties>];
  flooded: MultiPolygon;
  stats: FloodStats & { corridorCells: number; length: number };
}

/** A median water depth above this along the centreline suggests the DEM is in another datum. */
const DATUM_DEPTH = 25;

/**
 * Computes the bank lines where the water surface W(p) — the level at the chainage of p's projection
 * on the centreline — meets the ground, for the flood connected (4-neighbour) to the centreline.
 * Bad data comes back as an error message naming chainages; what the user must confirm as warnings.
 * @example await computeFloodline({ raster, centreline, levels, levelsSource: 'levels.csv', dem })
 */
export async function computeFloodline(
  input: FloodlineInput,
): Promise<FloodOutcome<FloodlineResult>> {
  const { raster, centreline } = input;
  const maxWidth = input.maxWidth ?? 2000;
  if (!(maxWidth > 0)) throw new Error('maxWidth must be positive');
  const cell = Math.max(raster.cellWidth, raster.cellHeight);
  const index = new CentrelineIndex(centreline, 32 * cell);
  const L = index.length;
  const lv = waterLevels(input.levels, L);
  if ('error' in lv) return { ok: false, error: lv.error, warnings: [] };
  const warnings = [...lv.warnings];
  const fail = (error: Message) => ({ ok: false as const, error, warnings });
  const gap = Math.max(50, 5 * cell);

  // the centreline, sampled every half cell: it must lie on the DEM, and its cells seed the flood
  const samples: { s: number; col: number; row: number }[] = [];
  const outside: number[] = [];
  const steps = Math.ceil(L / (cell / 2));
  for (let k = 0; k <= steps; k++) {
    const s = Math.min(L, (k * cell) / 2);
    const [x, y] = index.pointAt(s);
    const col = Math.floor((x - raster.originX) / raster.cellWidth);
    const row = Math.floor((raster.originY - y) / raster.cellHeight);
    if (col < 0 || row < 0 || col >= raster.width || row >= raster.height) outside.push(s);
    else samples.push({ s, col, row });
  }
  if (outside.length > 0) {
    return fail(msg('floodline.centrelineOutside', { ranges: chainageRanges(outside, gap) }));
  }

  const margin = 3 * cell;
  const pr: Projection = { s: 0, offset: 0, dist: 0 };
  const surface: Surface = {
    kind: Where.Inside,
    water(x, y) {
      index.project(x, y, pr);
      this.kind =
        pr.s < -margin || pr.s > L + margin
          ? Where.PastEnd
          : pr.dist > maxWidth
            ? Where.Beyond
            : Where.Inside;
      return lv.at(pr.s);
    },
    place(x, y) {
      index.project(x, y, pr);
      return pr.s >= 0 && pr.s <= L ? pr.s : Number.NaN;
    },
  };
  const grid = new FloodGrid(raster, surface);
  await grid.fill(samples.map((p) => [p.col, p.row] as const));

  const dry: number[] = [];
  const depths: number[] = [];
  for (const p of samples) {
    const g = grid.g(p.col, p.row);
    if (grid.isFlooded(p.col, p.row)) depths.push(g);
    else dry.push(p.s);
  }
  if (depths.length === 0) return fail(msg('floodline.noWater'));
  depths.sort((a, b) => a - b);
  const median = depths[Math.floor(depths.length / 2)] as number;
  if (median > DATUM_DEPTH) {
    warnings.push(msg('floodline.datum.deep', { depth: Math.round(median), limit: DATUM_DEPTH }));
  }
  if (dry.length > 0) {
    return fail(msg('floodline.dryCentreline', { ranges: chainageRanges(dry, gap) }));
  }
  const { edge, nodata, beyond } = grid.escapes;
  if (edge.length > 0 || beyond.length > 0) {
    return fail(
      msg('floodline.noMeeting', {
        ranges: chainageRanges([...edge, ...beyond], gap),
        maxWidth: Math.round(maxWidth),
      }),
    );
  }
  if (nodata.length > 0) {
    return fail(msg('floodline.nodata', { ranges: chainageRanges(nodata, gap) }));
  }

  const loops = traceContour(grid);
  const outer = loops.filter((l) => ringArea(l) > 0);
  const pieces = splitBanks(outer, index);
  if (pieces.left.length !== 1 || pieces.right.length !== 1) {
    return fail(
      msg('floodline.banksSplit', { left: pieces.left.length, right: pieces.right.length }),
    );
  }
  const sections = lv.sections;
  const props = (role: 'bank-left' | 'bank-right'): FloodlineProperties => ({
    role,
    source: 'floodline',
    levelsSource: input.levelsSource,
    demName: input.dem.name,
    demSha256: input.dem.sha256,
    demCellSize: cell,
    waterLevelUpstream: (sections[0] as LevelPoint).level,
    waterLevelDownstream: (sections[sections.length - 1] as LevelPoint).level,
    levelSections: sections.length,
    maxWidth,
  });
  const line = (coords: Position[], role: 'bank-left' | 'bank-right') => ({
    type: 'Feature' as const,
    properties: props(role),
    geometry: { type: 'LineString' as const, coordinates: coords },
  });
  const cellArea = raster.cellWidth * raster.cellHeight;
  return {
    ok: true,
    warnings,
    value: {
      banks: [
        line(pieces.left[0] as Position[], 'bank-left'),
        line(pieces.right[0] as Position[], 'bank-right'),
      ],
      flooded: assemblePolygons(loops),
      stats: {
        cellsRead: grid.cellsRead,
        cellsFlooded: grid.cellsFlooded,
        windowsRead: grid.blocks.size,
        floodedArea: grid.cellsFlooded * cellArea,
        corridorCells: Math.round((2 * maxWidth * L + Math.PI * maxWidth * maxWidth) / cellArea),
        length: L,
      },
    },
  };
}
