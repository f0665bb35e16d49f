// The benchmark's long line: 南流江's whole course from the reference data (WDB II, ≈226 km).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString, Position } from 'geojson';
import { sampleReach } from '../src/domain/zones/sample-reach';
import { ROOT } from '../tests/helpers/register';

/** The whole 南流江 course in the reference file (≈226 km), else the bundled, clipped one. */
export function nanliujiangCourse(): { coords: Position[]; source: string } {
  const shared = process.env.HEJIE_SHARED_GEODATA ?? join(ROOT, '../shared/geodata');
  const file = join(shared, 'wdb2-rivers.geojson');
  if (existsSync(file)) {
    const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<LineString>;
    // 南流江 is the longest WDB II line passing within 8 km of 合浦 (109.20E 21.66N)
    const nearHepu = (c: Position[]) =>
      c.some(
        (p) => Math.hypot(((p[0] as number) - 109.2) * 103, ((p[1] as number) - 21.66) * 111) < 8,
      );
    const line = fc.features
      .map((f) => f.geometry.coordinates)
      .filter(nearHepu)
      .sort((a, b) => b.length - a.length)[0];
    if (line) {
      // WDB II lines are not ordered by flow here: run from 玉林 (north-east) to the sea
      const coords =
        (line[0]?.[1] as number) < (line.at(-1)?.[1] as number) ? [...line].reverse() : line;
      return { coords, source: `${file} (the longest WDB II line near 合浦)` };
    }
  }
  const rivers = JSON.parse(
    readFileSync(join(ROOT, 'geodata/rivers.geojson'), 'utf8'),
  ) as FeatureCollection<LineString>;
  const f = rivers.features.find((x) => x.properties?.riverId === 'nanliujiang');
  if (!f) throw new Error('no 南流江 line');
  return { coords: f.geometry.coordinates, source: 'geodata/rivers.geojson (clipped to the box)' };
}

/**
 * The whole course leaves Qinzhou (it rises in 玉林, 110.26°E 22.80°N), so a server that saves it as a
 * plan needs a wider region than Qinzhou's default, as a province deployment would set
 * (`HEJIE_REGION`, west,south,east,north).
 */
export const WHOLE_COURSE_REGION = '109.0,21.6,110.3,22.85';

/**
 * The benchmark's long reach: toe lines 40 m either side of the course, class 2 embankments, 30 m
 * management and 40 m protection widths (as the bench, the browser tests and the exports use it).
 */
export function wholeCourseReach(
  course: { coords: Position[]; source: string } = nanliujiangCourse(),
): FeatureCollection<LineString> {
  return sampleReach(course.coords, {
    reach: 'NLJ-ALL',
    river: 'nanliujiang',
    halfWidthM: 40,
    embankmentClass: 2,
    widthM: 30,
    protectionM: 40,
    source: course.source,
  });
}
