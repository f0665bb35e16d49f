// A waterbody's course from the bureau's own survey (河道底图, issue 18): the features of one import
// (centreline, bank lines, water polygons) with their role, and where the data came from. Versions
// are numbered per waterbody; the newest a caller may see is the one drawn (course-access.ts).
import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import { type BBox, bboxOf } from '../geo/bbox';
import { type Message, msg } from '../message';
import { type CountyArea, inArea } from '../notice/zone-counties';

/** What a course feature is: the river's centreline, a bank line, or a water surface polygon. */
export type CourseRole = 'centreline' | 'bank' | 'water';

/** The roles in order, for lists and counts. */
const COURSE_ROLES: readonly CourseRole[] = ['centreline', 'bank', 'water'];

/** Whether the survey product is declassified (脱密): only a declassified course may be public. */
export type Declassified = 'yes' | 'no' | 'unknown';

/** Where a course came from, as the importer says it. */
export interface CourseMeta {
  /** 来源, e.g. 2011 年水利普查 */
  source: string;
  /** 日期 of the survey (YYYY, YYYY-MM or YYYY-MM-DD), null when not known */
  date: string | null;
  /** 测绘单位, null when not known */
  unit: string | null;
  declassified: Declassified;
}

/** Features of each role in a course. */
export type RoleCounts = Record<CourseRole, number>;

/** A stored course version without its features (what lists show). */
export interface CourseSummary extends CourseMeta {
  riverId: string;
  version: number;
  /** shown to the public (only when declassified) */
  public: boolean;
  counts: RoleCounts;
  bbox: BBox;
  /** adcodes of the counties the course passes through (its vertices), in the register's order */
  counties: string[];
  /** the imported file's name */
  file: string;
  by: string;
  at: string;
}

/** A stored course version with its lon/lat CGCS2000 features, each with `properties.role`. */
export interface CourseVersion extends CourseSummary {
  features: Feature[];
}

/** An import made ready to store: features with roles, their counts and box. */
export interface PreparedCourse {
  features: Feature[];
  counts: RoleCounts;
  bbox: BBox;
}

/**
 * The counties a course's vertices lie in (adcodes, in the order of `counties`), each once.
 * @example courseCounties(course.features, counties) // ['450702']
 */
export function courseCounties(
  features: readonly Feature[],
  counties: readonly CountyArea[],
): string[] {
  const found = new Set<string>();
  const visit = (p: Position) => {
    const hit = counties.find((c) => !found.has(c.adcode) && inArea(p, c.geometry));
    if (hit) found.add(hit.adcode);
  };
  for (const f of features) {
    const g = f.geometry;
    if (g?.type === 'LineString') g.coordinates.forEach(visit);
    else if (g?.type === 'MultiLineString' || g?.type === 'Polygon')
      g.coordinates.flat().forEach(visit);
    else if (g?.type === 'MultiPolygon') g.coordinates.flat(2).forEach(visit);
  }
  return counties.map((c) => c.adcode).filter((a) => found.has(a));
}

const ROLE_WORDS: readonly [CourseRole, RegExp][] = [
  ['centreline', /centre|center|中心线|中泓|河道中线|轴线/i],
  ['bank', /bank|岸线|河岸|岸边|堤/i],
  ['water', /water|水面|水域|河面/i],
];

/** A role named by a feature's `role`, `layer`, `name` or `类型` property, if any. */
function namedRole(properties: Feature['properties']): CourseRole | null {
  const p = properties ?? {};
  if (COURSE_ROLES.includes(p.role)) return p.role as CourseRole;
  for (const key of ['role', 'layer', 'name', '名称', '类型', 'type']) {
    const v = p[key];
    if (typeof v !== 'string') continue;
    const hit = ROLE_WORDS.find(([, re]) => re.test(v));
    if (hit) return hit[0];
  }
  return null;
}

/**
 * A role in words.
 * @example roleName('bank') // msg('courses.role.bank') → 岸线
 */
function roleName(role: CourseRole): Message {
  if (role === 'centreline') return msg('courses.role.centreline');
  return role === 'bank' ? msg('courses.role.bank') : msg('courses.role.water');
}

/**
 * A 脱密 status in words.
 * @example declassifiedName('yes') // msg('courses.declassified.yes') → 已脱密
 */
export function declassifiedName(d: Declassified): Message {
  if (d === 'yes') return msg('courses.declassified.yes');
  return d === 'no' ? msg('courses.declassified.no') : msg('courses.declassified.unknown');
}

const LINES = new Set(['LineString', 'MultiLineString']);
const POLYGONS = new Set(['Polygon', 'MultiPolygon']);

/**
 * The role of each imported feature: the one its properties name (`role`, or a layer called
 * 中心线 / 岸线 / 水面 …), else polygons are water and lines the centreline. Points are not part of
 * a course. Refused with reasons when nothing is left, or when a named role does not fit the
 * geometry (a 水面 line). Never mutates its input.
 * @example prepareCourse(fc).counts // { centreline: 1, bank: 2, water: 0 }
 */
export function prepareCourse(
  fc: FeatureCollection,
): { ok: true; course: PreparedCourse } | { ok: false; reasons: Message[] } {
  const features: Feature[] = [];
  const reasons: Message[] = [];
  let points = 0;
  fc.features.forEach((f, i) => {
    const type = f.geometry?.type ?? '';
    if (!LINES.has(type) && !POLYGONS.has(type)) {
      points++;
      return;
    }
    const named = namedRole(f.properties);
    const role = named ?? (POLYGONS.has(type) ? 'water' : 'centreline');
    if ((role === 'water') !== POLYGONS.has(type)) {
      reasons.push(msg('courses.roleGeometry', { n: i + 1, role: roleName(role) }));
      return;
    }
    features.push({
      type: 'Feature',
      geometry: structuredClone(f.geometry),
      properties: { ...structuredClone(f.properties ?? {}), role },
    });
  });
  if (reasons.length > 0) return { ok: false, reasons };
  if (features.length === 0)
    return { ok: false, reasons: [msg(points > 0 ? 'courses.onlyPoints' : 'courses.empty')] };
  const counts: RoleCounts = { centreline: 0, bank: 0, water: 0 };
  for (const f of features) counts[f.properties?.role as CourseRole]++;
  return {
    ok: true,
    course: { features, counts, bbox: bboxOf({ type: 'FeatureCollection', features }) },
  };
}

/**
 * The centreline of a course as lines (a MultiLineString gives each of its parts), for the
 * flood-line tool and snapping; [] when the course has none.
 * @example centrelineOf(course)[0] // { type: 'LineString', coordinates: [[108.6, 21.9], …] }
 */
export function centrelineOf(course: Pick<CourseVersion, 'features'>): LineString[] {
  return course.features.flatMap((f): LineString[] => {
    if (f.properties?.role !== 'centreline' || !f.geometry) return [];
    const g = f.geometry;
    if (g.type === 'LineString') return [{ type: 'LineString', coordinates: g.coordinates }];
    if (g.type === 'MultiLineString')
      return g.coordinates.map((coordinates: Position[]) => ({ type: 'LineString', coordinates }));
    return [];
  });
}
