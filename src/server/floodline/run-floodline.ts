// One flood-line run from files, shared by the CLI and the API: open the DEM, read the levels, put
// the centreline into the DEM's planar CRS, compute, and give the lines back in lon/lat.
import type { FeatureCollection, LineString, MultiPolygon, Position } from 'geojson';
import { type CrsCode, projector, zoneOfPositions } from '../../domain/crs/crs';
import { computeFloodline, type FloodlineProperties } from '../../domain/floodline';
import { CentrelineIndex } from '../../domain/floodline/centreline-index';
import { parseLevels } from '../../domain/floodline/parse-levels';
import {
  type FloodMark,
  readFloodMarks,
  snapFloodMarks,
} from '../../domain/floodline/snap-flood-points';
import type { FloodStats } from '../../domain/floodline/types';
import type { LevelPoint } from '../../domain/floodline/water-levels';
import { type Message, msg } from '../../domain/message';
import { decodeGbk, guessEncoding } from '../../domain/text/gbk';
import { openDem, planarDem } from './open-dem';

/** What a run reads. */
export interface FloodlineFiles {
  demPath: string;
  demName: string;
  /** the centreline in CGCS2000 lon/lat, upstream → downstream */
  centreline: readonly Position[];
  levelsBytes: Uint8Array;
  levelsName: string;
  maxWidth?: number;
}

/** The run's answer: bank lines and flooded area in lon/lat, the CRS computed in, warnings, figures. */
export interface FloodlineAnswer {
  banks: FeatureCollection<LineString, FloodlineProperties>;
  flooded: MultiPolygon;
  crs: CrsCode;
  warnings: Message[];
  stats: FloodStats & { corridorCells: number; length: number };
}

/**
 * Computes the flood lines from files; errors come back as messages (nothing is written here).
 * @example await runFloodline({ demPath, demName: 'dem.tif', centreline, levelsBytes, levelsName: 'levels.csv' })
 */
export async function runFloodline(
  f: FloodlineFiles,
): Promise<
  { ok: true; answer: FloodlineAnswer } | { ok: false; errors: Message[]; warnings: Message[] }
> {
  const text =
    guessEncoding(f.levelsBytes) === 'gbk'
      ? decodeGbk(f.levelsBytes)
      : new TextDecoder('utf-8').decode(f.levelsBytes);
  // a .geojson / .json levels file holds historic flood marks, snapped once the CRS is known
  const marksFile = /\.(geo)?json$/i.test(f.levelsName);
  let marks: FloodMark[] = [];
  let table: LevelPoint[] = [];
  if (marksFile) {
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // reported as not points below
    }
    const read = readFloodMarks(json, f.levelsName);
    if (!read.ok) return { ok: false, errors: read.errors, warnings: [] };
    marks = read.marks;
  } else {
    const levels = parseLevels(text, f.levelsName);
    if (!levels.ok) return { ok: false, errors: levels.errors, warnings: [] };
    table = levels.levels;
  }
  const opened = await openDem(f.demPath, f.demName);
  if (!opened.ok) return { ok: false, errors: [opened.error], warnings: [] };
  const dem = opened.dem;
  try {
    let zone: CrsCode = dem.crs;
    if (zone === 'EPSG:4490') {
      try {
        zone = zoneOfPositions(f.centreline).code;
      } catch {
        return {
          ok: false,
          errors: [msg('floodline.centrelineOutside', { ranges: '—' })],
          warnings: [],
        };
      }
    }
    const proj = projector(zone);
    const line = f.centreline.map((p) => proj.forward(p));
    if (marksFile) {
      const planar = marks.map((m) => ({ ...m, at: proj.forward(m.at) }));
      const snapped = snapFloodMarks(planar, new CentrelineIndex(line, 64), f.maxWidth ?? 2000);
      if (!snapped.ok) return { ok: false, errors: snapped.errors, warnings: [] };
      table = snapped.levels;
    }
    const res = await computeFloodline({
      raster: planarDem(dem, zone),
      centreline: line,
      levels: table,
      maxWidth: f.maxWidth,
      levelsSource: f.levelsName,
      dem: { name: dem.name, sha256: dem.sha256 },
    });
    if (!res.ok) return { ok: false, errors: [res.error], warnings: res.warnings };
    const back = (ps: Position[]) => ps.map((p) => proj.inverse(p));
    const { banks, flooded, stats } = res.value;
    return {
      ok: true,
      answer: {
        crs: zone,
        warnings: res.warnings,
        stats,
        banks: {
          type: 'FeatureCollection',
          features: banks.map((b) => ({
            ...b,
            geometry: { type: 'LineString', coordinates: back(b.geometry.coordinates) },
          })),
        },
        flooded: {
          type: 'MultiPolygon',
          coordinates: flooded.coordinates.map((poly) => poly.map(back)),
        },
      },
    };
  } finally {
    await dem.close();
  }
}
