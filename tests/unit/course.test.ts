// River courses (河道底图, issue 18): roles, refusals, visibility, the map status, both stores.
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import { PUBLIC } from '../../src/domain/access/actor';
import { centrelineOf, prepareCourse } from '../../src/domain/rivers/course';
import {
  latestVisible,
  mayImportCourse,
  mayPublishCourse,
  publicRefusal,
  seesStaffCourses,
} from '../../src/domain/rivers/course-access';
import { mapStatus, mapStatusMessage, mapStatusShort } from '../../src/domain/rivers/map-status';
import { riverCentreline } from '../../src/server/courses/river-centreline';
import { createMemoryStore } from '../../src/server/store/memory-store';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { freshPgStore } from '../helpers/pg-store';
import { syntheticCourse } from '../helpers/synthetic-course';

const user = (role: 'planner' | 'admin' | 'chief' | 'department') => ({
  kind: 'user' as const,
  id: role,
  username: role,
  name: role,
  role,
  person: null,
  scope: { level: 'all' as const, counties: [] },
  canPublish: false,
});

describe('prepareCourse', () => {
  it('keeps the roles a course names and counts them, without touching its input', () => {
    const fc = syntheticCourse();
    const before = JSON.stringify(fc);
    const r = prepareCourse(fc);
    expect(JSON.stringify(fc)).toBe(before);
    expect(r.ok && r.course.counts).toEqual({ centreline: 1, bank: 2, water: 1 });
    expect(r.ok && r.course.features.every((f) => f.properties?.synthetic === true)).toBe(true);
  });

  it('reads roles from layer names and geometry, and drops points', () => {
    const line = {
      type: 'LineString' as const,
      coordinates: [
        [108.6, 21.9],
        [108.61, 21.91],
      ],
    };
    const r = prepareCourse({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { layer: '左岸线' }, geometry: line },
        { type: 'Feature', properties: {}, geometry: line },
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Point', coordinates: [108.6, 21.9] },
        },
      ],
    });
    expect(r.ok && r.course.features.map((f) => f.properties?.role)).toEqual([
      'bank',
      'centreline',
    ]);
  });

  it('refuses an empty file, points only and a role that does not fit', () => {
    const empty = prepareCourse({ type: 'FeatureCollection', features: [] });
    expect(!empty.ok && empty.reasons[0]?.code).toBe('courses.empty');
    const pts = prepareCourse({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Point', coordinates: [108.6, 21.9] },
        },
      ],
    });
    expect(!pts.ok && pts.reasons[0]?.code).toBe('courses.onlyPoints');
    const bad = prepareCourse({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { role: 'water' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [108.6, 21.9],
              [108.61, 21.9],
            ],
          },
        },
      ],
    });
    expect(!bad.ok && renderMessage(bad.reasons[0] ?? { code: '' }, 'zh')).toContain('水面');
  });
});

describe('course access and map status', () => {
  it('staff see staff-only courses; departments and the public do not', () => {
    expect(seesStaffCourses(PUBLIC)).toBe(false);
    expect(seesStaffCourses(user('department'))).toBe(false);
    expect(['planner', 'admin', 'chief'].every((r) => seesStaffCourses(user(r as 'planner')))).toBe(
      true,
    );
    expect(mayImportCourse(user('planner'))).toBe(true);
    expect(mayImportCourse(user('chief'))).toBe(false);
    expect(mayPublishCourse(user('planner'))).toBe(false);
    expect(mayPublishCourse(user('admin'))).toBe(true);
  });

  it('a course goes public only when declassified', () => {
    const c = { riverId: 'qinjiang', version: 2 };
    expect(publicRefusal({ ...c, declassified: 'yes' }, true)).toBeNull();
    expect(publicRefusal({ ...c, declassified: 'unknown' }, false)).toBeNull();
    const no = publicRefusal({ ...c, declassified: 'no' }, true);
    expect(no?.code).toBe('courses.public.notDeclassified');
    expect(renderMessage(no ?? { code: '' }, 'zh')).toContain('未脱密');
  });

  it('the newest visible version per river', () => {
    const list = [
      { riverId: 'a', version: 1, public: true },
      { riverId: 'a', version: 2, public: false },
      { riverId: 'b', version: 1, public: false },
    ];
    expect(latestVisible(list, true).get('a')?.version).toBe(2);
    expect(latestVisible(list, false).get('a')?.version).toBe(1);
    expect(latestVisible(list, false).has('b')).toBe(false);
  });

  it('已上图（局数据） ranks after the published boundary and before open data', () => {
    expect(mapStatus(null, ['published'], true)).toBe('published-zone');
    expect(mapStatus({ schematic: false }, ['draft'], true)).toBe('bureau-data');
    expect(mapStatus({ schematic: false }, ['draft'], false)).toBe('open-data');
    expect(renderMessage(mapStatusMessage('bureau-data'), 'zh')).toBe('已上图（局数据）');
    expect(renderMessage(mapStatusShort('bureau-data'), 'zh')).toBe('局数据');
  });
});

const kinds: [string, () => Store | Promise<Store>][] = [
  ['memory', () => createMemoryStore()],
  ['sqlite', () => openSqliteStore(':memory:')],
  ['postgres', () => freshPgStore()],
];

describe.each(kinds)('%s store: course versions', (_, make) => {
  it('numbers versions, keeps them, audits imports and the public flag', async () => {
    const store = await make();
    const prepared = prepareCourse(syntheticCourse());
    if (!prepared.ok) throw new Error('synthetic course refused');
    const base = {
      riverId: 'qinjiang',
      ...prepared.course,
      counties: ['450702'],
      source: '合成测试数据',
      date: '2021-06',
      unit: null,
      file: 'synthetic.geojson',
    };
    const v1 = await store.addCourse({ ...base, declassified: 'yes', public: true }, 'planner');
    const v2 = await store.addCourse({ ...base, declassified: 'no', public: false }, 'planner');
    expect(v1.ok && v1.value.version).toBe(1);
    expect(v2.ok && v2.value.version).toBe(2);
    const refused = await store.addCourse({ ...base, declassified: 'unknown', public: true }, 'x');
    expect(!refused.ok && refused.refused.code).toBe('courses.public.notDeclassified');
    expect((await store.listCourses('qinjiang')).map((c) => c.version)).toEqual([2, 1]);
    expect((await store.getCourse('qinjiang', 2))?.features).toHaveLength(4);
    expect((await store.listCourses())[0]?.counties).toEqual(['450702']);
    const no = await store.setCoursePublic('qinjiang', 2, true, 'admin');
    expect(!no.ok && no.refused.code).toBe('courses.public.notDeclassified');
    const off = await store.setCoursePublic('qinjiang', 1, false, 'admin');
    expect(off.ok && off.value.public).toBe(false);
    const none = await store.setCoursePublic('qinjiang', 9, false, 'admin');
    expect(!none.ok && none.refused.code).toBe('courses.noVersion');
    const audit = (await store.listAudit('river:qinjiang')).map((e) => e.action);
    expect(audit).toEqual(['course.import', 'course.import', 'course.public']);
    const line = await riverCentreline(store, 'qinjiang', true);
    expect(line?.version).toBe(2);
    expect(line?.lines[0]?.coordinates).toEqual(centrelineOf(prepared.course)[0]?.coordinates);
    expect(await riverCentreline(store, 'qinjiang', false)).toBeNull();
    await store.close();
  });
});

describe('sqlite store: a course version is immutable but for its public flag', () => {
  it('refuses to change its features, to delete it, or to make an undeclassified one public', async () => {
    const Database = (await import('better-sqlite3')).default;
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'hejie-course-sql-'));
    const file = join(dir, 'h.sqlite');
    const store = openSqliteStore(file);
    const prepared = prepareCourse(syntheticCourse());
    if (!prepared.ok) throw new Error('synthetic course refused');
    await store.addCourse(
      {
        riverId: 'qinjiang',
        ...prepared.course,
        counties: [],
        source: '合成',
        date: null,
        unit: null,
        declassified: 'no',
        public: false,
        file: 'a.geojson',
      },
      'planner',
    );
    await store.close();
    const raw = new Database(file);
    expect(() => raw.prepare("UPDATE courses SET features = '[]'").run()).toThrow(/immutable/);
    expect(() => raw.prepare('DELETE FROM courses').run()).toThrow(/never deleted/);
    expect(() => raw.prepare('UPDATE courses SET public = 1').run()).toThrow(/CHECK/);
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
