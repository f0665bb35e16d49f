// River courses (河道底图, issue 18) over the API, in process: import (planner, admin), refusals that
// keep nothing, the map status 已上图（局数据）, and visibility: the public never gets a staff-only
// version, by any URL.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/store';
import { type InProcessApp, logInProcess, startInProcess } from '../helpers/display-accept';
import { zipDir } from '../helpers/import';
import { syntheticCourse, syntheticCourseFile } from '../helpers/synthetic-course';

let app: InProcessApp['app'];
let store: Store;
const sessions = new Map<string, Record<string, string>>();
const PASSWORDS: Record<string, string> = {
  planner: 'demo-planner',
  admin: 'demo-admin',
  gaopu: 'demo-gaopu',
  'dept-sthj': 'demo-dept-sthj',
};

async function headersOf(who: string, lang = 'en'): Promise<Record<string, string>> {
  const base = { 'accept-language': lang };
  if (who === 'public') return base;
  let kept = sessions.get(who);
  if (!kept) {
    kept = (await logInProcess(app, who, PASSWORDS[who] ?? '')).headers;
    sessions.set(who, kept);
  }
  return { ...base, ...kept };
}

function courseForm(
  fields: Record<string, string> = {},
  file: { bytes: Uint8Array; name: string } = {
    bytes: syntheticCourseFile(),
    name: 'synthetic.geojson',
  },
): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries({ source: '合成测试数据', ...fields })) form.set(k, v);
  form.set('file', new Blob([file.bytes as BlobPart]), file.name);
  return form;
}

async function post(who: string, path: string, form: FormData, lang = 'en') {
  return app.request(path, { method: 'POST', headers: await headersOf(who, lang), body: form });
}

const get = async (who: string, path: string) =>
  app.request(path, { headers: await headersOf(who) });

const courseCount = async () => (await store.listCourses()).length;

beforeAll(async () => {
  ({ app, store } = await startInProcess());
});

describe('course import', () => {
  it('refuses the public, a chief and a department, keeping nothing', async () => {
    expect((await post('public', '/api/rivers/qinjiang/courses', courseForm())).status).toBe(401);
    expect((await post('gaopu', '/api/rivers/qinjiang/courses', courseForm())).status).toBe(403);
    expect((await post('dept-sthj', '/api/rivers/qinjiang/courses', courseForm())).status).toBe(
      403,
    );
    expect(await courseCount()).toBe(0);
  });

  it('refuses an unknown river, a wrong CRS, an empty file, and public while not declassified', async () => {
    const unknown = await post('planner', '/api/rivers/no-such/courses', courseForm());
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('courses.noRiver');
    const xian = new TextEncoder().encode(
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'EPSG:4610' } },
        features: syntheticCourse().features,
      }),
    );
    const crs = await post(
      'planner',
      '/api/rivers/qinjiang/courses',
      courseForm({}, { bytes: xian, name: 'xian80.geojson' }),
      'zh',
    );
    expect(crs.status).toBe(400);
    const crsBody = (await crs.json()) as { code: string; error: string };
    expect(crsBody.code).toBe('formats.geojson.foreignCrs');
    const empty = await post(
      'planner',
      '/api/rivers/qinjiang/courses',
      courseForm({}, { bytes: new Uint8Array(), name: 'a.geojson' }),
    );
    expect(empty.status).toBe(400);
    const none = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');
    const nothing = await post(
      'planner',
      '/api/rivers/qinjiang/courses',
      courseForm({}, { bytes: none, name: 'a.geojson' }),
    );
    expect(((await nothing.json()) as { code: string }).code).toBe('formats.geojson.noFeatures');
    const pub = await post(
      'planner',
      '/api/rivers/qinjiang/courses',
      courseForm({ public: 'true', declassified: 'unknown' }),
      'zh',
    );
    expect(pub.status).toBe(409);
    expect(((await pub.json()) as { error: string }).error).toContain('只有已脱密的成果可以公开');
    expect(await courseCount()).toBe(0);
    expect((await store.listAudit()).filter((e) => e.action.startsWith('course.'))).toEqual([]);
  });

  it('previews without keeping anything', async () => {
    const r = await post('planner', '/api/rivers/钦江/courses/preview', courseForm());
    expect(r.status).toBe(200);
    const body = (await r.json()) as { counts: unknown; features: { features: unknown[] } };
    expect(body.counts).toEqual({ centreline: 1, bank: 2, water: 1 });
    expect(body.features.features).toHaveLength(4);
    expect(await courseCount()).toBe(0);
  });

  it('imports a staff-only course: staff see 已上图（局数据）, the public does not see it anywhere', async () => {
    const before = (await (await get('public', '/api/rivers/qinjiang')).json()) as {
      mapStatus: string;
    };
    expect(before.mapStatus).toBe('unmapped');
    const r = await post(
      'planner',
      '/api/rivers/qinjiang/courses',
      courseForm({ declassified: 'no', date: '2021-06', unit: '合成测绘队' }),
    );
    expect(r.status).toBe(201);
    const done = (await r.json()) as {
      mapStatus: string;
      course: { version: number; public: boolean };
    };
    expect(done.mapStatus).toBe('bureau-data');
    expect(done.course).toMatchObject({ version: 1, public: false });

    const staff = (await (await get('planner', '/api/rivers/钦江')).json()) as {
      mapStatus: string;
      course: { version: number; unit: string } | null;
      courseFeatures: { features: unknown[] } | null;
    };
    expect(staff.mapStatus).toBe('bureau-data');
    expect(staff.course).toMatchObject({ version: 1, unit: '合成测绘队' });
    expect(staff.courseFeatures?.features).toHaveLength(4);
    // the counties the course passes through join the river's (from the map)
    const counties = (staff as unknown as { counties: { name: string; from: string[] }[] })
      .counties;
    expect(counties.filter((c) => c.from.includes('map')).map((c) => c.name)).not.toEqual([]);
    const chief = (await (await get('gaopu', '/api/rivers')).json()) as {
      id: string;
      mapStatus: string;
    }[];
    expect(chief.find((x) => x.id === 'qinjiang')?.mapStatus).toBe('bureau-data');

    for (const who of ['public', 'dept-sthj']) {
      const river = (await (await get(who, '/api/rivers/qinjiang')).json()) as Record<
        string,
        unknown
      >;
      expect(river.mapStatus).toBe('unmapped');
      expect(river.course).toBeNull();
      expect(river.courseFeatures).toBeNull();
      const all = (await (await get(who, '/api/rivers')).json()) as {
        id: string;
        course: unknown;
      }[];
      expect(all.find((x) => x.id === 'qinjiang')?.course).toBeNull();
      const map = (await (await get(who, '/api/courses')).json()) as { features: unknown[] };
      expect(map.features).toEqual([]);
      for (const url of [
        '/api/rivers/qinjiang/courses/1',
        '/api/rivers/钦江/courses/1',
        '/api/rivers/%E9%92%A6%E6%B1%9F/courses/01',
        '/api/rivers/qinjiang/courses/1.0',
      ])
        expect((await get(who, url)).status, `${who} ${url}`).toBe(404);
      expect(await (await get(who, '/api/rivers/qinjiang/courses')).json()).toEqual([]);
      // the base map files and tiles hold no course
      const base = await (await get(who, '/geodata/base.geojson')).text();
      expect(base).not.toContain('synthetic');
    }
    const map = (await (await get('planner', '/api/courses')).json()) as {
      features: { properties: { courseRiverId: string; role: string; synthetic?: boolean } }[];
    };
    expect(map.features.map((f) => f.properties.role)).toEqual([
      'centreline',
      'bank',
      'bank',
      'water',
    ]);
    expect(
      map.features.every(
        (f) => f.properties.courseRiverId === 'qinjiang' && f.properties.synthetic,
      ),
    ).toBe(true);
  });

  it('only an admin sets public, and only a declassified version', async () => {
    const path = '/api/rivers/qinjiang/courses/1/public';
    const json = (who: string, body: unknown) =>
      headersOf(who).then((h) =>
        app.request(path, {
          method: 'POST',
          headers: { ...h, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    expect((await json('planner', { public: true })).status).toBe(403);
    const refused = await json('admin', { public: true });
    expect(refused.status).toBe(409);
    const why = (await refused.json()) as { code: string; error: string };
    expect(why.code).toBe('courses.public.notDeclassified');
    expect(why.error).toBe(
      'course version 1 of 钦江 is not declassified and cannot be made public: only a declassified survey may be',
    );
    const r = await post(
      'admin',
      '/api/rivers/qinjiang/courses',
      courseForm({ declassified: 'yes' }),
    );
    expect(r.status).toBe(201);
    const ok = await app.request('/api/rivers/qinjiang/courses/2/public', {
      method: 'POST',
      headers: { ...(await headersOf('admin')), 'content-type': 'application/json' },
      body: JSON.stringify({ public: true }),
    });
    expect(ok.status).toBe(200);
    const pub = (await (await get('public', '/api/rivers/qinjiang')).json()) as {
      mapStatus: string;
      course: { version: number };
    };
    expect(pub).toMatchObject({ mapStatus: 'bureau-data', course: { version: 2 } });
    expect((await get('public', '/api/rivers/qinjiang/courses/2')).status).toBe(200);
    expect((await get('public', '/api/rivers/qinjiang/courses/1')).status).toBe(404);
    const audit = (await store.listAudit('river:qinjiang')).map((e) => `${e.actor} ${e.action}`);
    expect(audit).toEqual(['planner course.import', 'admin course.import', 'admin course.public']);
  });

  it('reads a GBK shapefile in a Gauss-Krüger zone through the import pipeline, roles from 名称', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hejie-course-shp-'));
    try {
      const names = ['钦江中心线', '左岸线', '右岸线', '水面'];
      const fc = syntheticCourse(12, 6000);
      const plain = {
        ...fc,
        features: fc.features.map((f, i) => ({
          ...f,
          properties: { 名称: names[i], synthetic: 1 },
        })),
      };
      writeFileSync(join(dir, 'in.geojson'), JSON.stringify(plain));
      for (const [type, layer] of [
        ['LINESTRING', 'lines'],
        ['POLYGON', 'water'],
      ] as const)
        execFileSync('ogr2ogr', [
          '-f',
          'ESRI Shapefile',
          '-s_srs',
          'EPSG:4490',
          '-t_srs',
          'EPSG:4545',
          '-lco',
          'ENCODING=CP936',
          '-where',
          `OGR_GEOMETRY='${type}'`,
          '-nln',
          layer,
          join(dir, 'shp'),
          join(dir, 'in.geojson'),
        ]);
      const zip = zipDir(join(dir, 'shp'));
      const r = await post(
        'planner',
        '/api/rivers/wuhuijiang/courses/preview',
        courseForm({}, { bytes: zip, name: '武惠江.zip' }),
      );
      const body = (await r.json()) as {
        crs: string;
        counts: unknown;
        features: { features: { properties: Record<string, unknown> }[] };
      };
      expect(r.status, JSON.stringify(body)).toBe(200);
      expect(body.crs).toBe('EPSG:4545');
      expect(body.counts).toEqual({ centreline: 1, bank: 2, water: 1 });
      expect(body.features.features.map((f) => f.properties.名称)).toEqual(
        expect.arrayContaining(names),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
