// The imagery routes in process (memory store): adding a synthetic GeoTIFF, an MBTiles and a
// PMTiles file; refusals that keep nothing; who sees which layer and tile.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lonLatToTile } from '../../src/domain/imagery/tile-math';
import { createApp } from '../../src/server/app';
import { seedDemoAccounts } from '../../src/server/auth/demo-accounts';
import { deploymentRegion } from '../../src/server/imagery/deployment-region';
import { imageryLibrary } from '../../src/server/imagery/imagery-library';
import { createMemoryStore } from '../../src/server/store/memory-store';
import { writePmtiles } from '../helpers/pmtiles-writer';
import { bundledRegister } from '../helpers/register';
import {
  cellLonLat,
  type SyntheticImage,
  writeSyntheticGeotiff,
} from '../helpers/synthetic-imagery';

const work = mkdtempSync(join(tmpdir(), 'hejie-imagery-api-'));
const store = createMemoryStore();
let free = Number.POSITIVE_INFINITY;
const { geodata } = bundledRegister();
const library = imageryLibrary({
  dir: join(work, 'imagery'),
  store,
  region: deploymentRegion(geodata.dir),
  freeBytes: () => free,
});
const app = createApp({
  store,
  geodata,
  distDir: null,
  demo: true,
  tiandituKey: null,
  imagery: library,
});
const sessions: Record<string, { cookie: string; csrf: string }> = {};
let image: SyntheticImage;

async function logIn(username: string, password: string) {
  const res = await app.request('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const token = /hejie_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  sessions[username] = {
    cookie: `hejie_session=${token}`,
    csrf: ((await res.json()) as { csrf: string }).csrf,
  };
}

function call(
  who: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const s = sessions[who];
  return app.request(path, {
    method,
    headers: {
      'accept-language': 'en',
      'content-type': 'application/json',
      ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function add(path: string, name: string, extra: Record<string, unknown> = {}) {
  const res = await call('admin', 'POST', '/api/imagery', { path, name, ...extra });
  const body = (await res.json()) as { job?: { id: string }; code?: string; error?: string };
  if (!body.job) return { status: res.status, ...body, job: null };
  const job = await library.wait(body.job.id);
  return { status: res.status, job };
}

const archives = () => readdirSync(join(work, 'imagery')).filter((f) => f !== 'jobs');
const leftovers = () => readdirSync(join(work, 'imagery', 'jobs'));

beforeAll(async () => {
  await store.seedIfEmpty(
    { plans: geodata.plans, waterbodies: geodata.waterbodies, source: 'test' },
    'test',
  );
  await seedDemoAccounts(store, 'test');
  for (const [u, p] of [
    ['admin', 'demo-admin'],
    ['planner', 'demo-planner'],
  ])
    await logIn(u as string, p as string);
  image = writeSyntheticGeotiff(join(work, 'grid.tif'), { cells: 4, cellPx: 256, resolution: 1 });
}, 60_000);
afterAll(() => {
  library.close();
  rmSync(work, { recursive: true, force: true });
});

describe('imagery: a synthetic GeoTIFF converted and served', { timeout: 60_000 }, () => {
  let id = '';
  it('converts in a job and lists the layer for staff only', async () => {
    const added = await add(image.path, '合成网格', { date: '2024-05', source: '测试生成' });
    expect(added.status).toBe(202);
    expect(added.job).toMatchObject({ state: 'done', progress: 1 });
    id = added.job?.layerId ?? '';
    const staff = (await (await call('planner', 'GET', '/api/imagery')).json()) as {
      layers: { id: string }[];
    };
    expect(staff.layers).toEqual([
      expect.objectContaining({
        id,
        name: '合成网格',
        date: '2024-05',
        source: '测试生成',
        public: false,
        synthetic: true,
        resolution: 1,
        minzoom: 15,
        maxzoom: 17,
      }),
    ]);
    expect(await (await call('public', 'GET', '/api/imagery')).json()).toEqual({ layers: [] });
    expect(leftovers()).toEqual([]);
  });

  it('serves tiles whose pixels are the grid cells’ colours, with ETag and Cache-Control', async () => {
    for (const [col, row] of [
      [0, 0],
      [3, 1],
      [2, 3],
    ] as const) {
      const [lon, lat] = cellLonLat(col + 0.5, row + 0.5, image);
      const [x, y] = lonLatToTile(lon, lat, 17);
      const res = await call('planner', 'GET', `/tiles/imagery/${id}/17/${x}/${y}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, max-age=3600');
      const etag = res.headers.get('etag') ?? '';
      expect(etag).toMatch(/^".+"$/);
      const n = 2 ** 17;
      const px = Math.floor((((lon + 180) / 360) * n - x) * 256);
      const latR = (lat * Math.PI) / 180;
      const py = Math.floor(
        (((1 - Math.log(Math.tan(latR) + 1 / Math.cos(latR)) / Math.PI) / 2) * n - y) * 256,
      );
      const { data, info } = await sharp(Buffer.from(await res.arrayBuffer()))
        .raw()
        .toBuffer({ resolveWithObject: true });
      const at = (py * info.width + px) * info.channels;
      const got = [data[at], data[at + 1], data[at + 2]] as number[];
      for (const [i, v] of image.colour(col, row).entries())
        expect(Math.abs((got[i] as number) - v)).toBeLessThanOrEqual(6);
      const again = await call('planner', 'GET', `/tiles/imagery/${id}/17/${x}/${y}`, undefined, {
        'if-none-match': etag,
      });
      expect(again.status).toBe(304);
    }
  });

  it('answers 404 to the public and departments for a staff-only layer, whatever the URL', async () => {
    for (const path of [
      `/tiles/imagery/${id}/17/0/0`,
      `/tiles/imagery/${id}/99/x/y`,
      `/tiles/imagery/${id}/15/25938/14327.png`,
    ]) {
      const res = await call('public', 'GET', path);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'imagery.noLayer' });
    }
    expect((await call('public', 'GET', '/tiles/imagery/img-none/1/0/0')).status).toBe(404);
  });

  it('lets only an admin make it public; then the public sees it, cached publicly', async () => {
    expect((await call('planner', 'PATCH', `/api/imagery/${id}`, { public: true })).status).toBe(
      403,
    );
    expect((await call('public', 'PATCH', `/api/imagery/${id}`, { public: true })).status).toBe(
      401,
    );
    expect((await call('admin', 'PATCH', `/api/imagery/${id}`, { public: true })).status).toBe(200);
    const layers = (
      (await (await call('public', 'GET', '/api/imagery')).json()) as { layers: unknown[] }
    ).layers;
    expect(layers).toHaveLength(1);
    const res = await call(
      'public',
      'GET',
      `/tiles/imagery/${id}/15/${lonLatToTile(...cellLonLat(1, 1, image), 15).join('/')}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect((await store.listAudit(`imagery:${id}`)).map((a) => a.action)).toEqual([
      'imagery.add',
      'imagery.public',
    ]);
  });

  it('adds an MBTiles made with gdal_translate and a PMTiles file as they are', async () => {
    const mb = join(work, 'gdal.mbtiles');
    execFileSync('gdal_translate', [
      '-q',
      '-of',
      'MBTILES',
      '-co',
      'TILE_FORMAT=PNG',
      image.path,
      mb,
    ]);
    const a = await add(mb, 'GDAL MBTiles');
    expect(a.job).toMatchObject({ state: 'done' });
    const db = new Database(mb, { readonly: true });
    const tiles = (
      db
        .prepare('SELECT zoom_level z, tile_column x, tile_row r, tile_data data FROM tiles')
        .all() as { z: number; x: number; r: number; data: Buffer }[]
    ).map((t) => ({ z: t.z, x: t.x, y: 2 ** t.z - 1 - t.r, data: t.data }));
    db.close();
    const pm = join(work, 'grid.pmtiles');
    writePmtiles(pm, tiles, [108.58, 22.58, 108.6, 22.6], 2);
    const p = await add(pm, 'PMTiles');
    expect(p.job).toMatchObject({ state: 'done' });
    const t = tiles[0] as (typeof tiles)[number];
    for (const layer of [a.job?.layerId, p.job?.layerId]) {
      const res = await call('admin', 'GET', `/tiles/imagery/${layer}/${t.z}/${t.x}/${t.y}`);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(t.data)).toBe(true);
    }
  });
});

describe('imagery: a stopped conversion', { timeout: 60_000 }, () => {
  it('is resumed by the next process from its job file', async () => {
    const jobs = join(work, 'imagery', 'jobs');
    const src = writeSyntheticGeotiff(join(work, 'resume.tif'), {
      cells: 2,
      cellPx: 256,
      resolution: 1,
    });
    writeFileSync(
      join(jobs, 'img-0000beef.json'),
      JSON.stringify({
        id: 'img-0000beef',
        input: { path: src.path, name: '续转' },
        actor: 'admin',
      }),
    );
    const next = imageryLibrary({
      dir: join(work, 'imagery'),
      store,
      region: deploymentRegion(geodata.dir),
    });
    next.resume();
    await expect.poll(() => next.jobs()[0]?.state, { timeout: 30_000 }).toBe('done');
    expect((await store.listImagery()).find((l) => l.id === 'img-0000beef')).toMatchObject({
      name: '续转',
    });
    expect(leftovers()).toEqual([]);
    next.close();
  });
});

describe('imagery: refusals keep nothing', { timeout: 60_000 }, () => {
  const refused = async (path: string, code: string) => {
    const before = archives().length;
    const r = await add(path, '拒绝');
    expect(r).toMatchObject({ status: 400, code });
    expect(archives()).toHaveLength(before);
    expect(leftovers()).toEqual([]);
  };
  it('a GeoTIFF without a CRS, or in Xian 1980 or Beijing 1954', async () => {
    await refused(
      writeSyntheticGeotiff(join(work, 'nocrs.tif'), {
        cells: 2,
        cellPx: 16,
        resolution: 1,
        srs: '',
      }).path,
      'imagery.crs.missing',
    );
    await refused(
      writeSyntheticGeotiff(join(work, 'xian.tif'), {
        cells: 2,
        cellPx: 16,
        resolution: 1,
        srs: 'EPSG:2382',
      }).path,
      'imagery.crs.oldDatum',
    );
    await refused(
      writeSyntheticGeotiff(join(work, 'bj54.tif'), {
        cells: 2,
        cellPx: 16,
        resolution: 1,
        srs: 'EPSG:2434',
      }).path,
      'imagery.crs.oldDatum',
    );
  });
  it('a file that is not what its name says', async () => {
    writeFileSync(join(work, 'fake.tif'), 'not a tiff at all');
    await refused(join(work, 'fake.tif'), 'imagery.file.notWhatNamed');
    copyFileSync(image.path, join(work, 'tiff-really.mbtiles'));
    await refused(join(work, 'tiff-really.mbtiles'), 'imagery.file.notWhatNamed');
  });
  it('an archive outside the region, and a disk that would fill', async () => {
    const far = join(work, 'far.pmtiles');
    writePmtiles(far, [{ z: 1, x: 0, y: 0, data: Buffer.from('x') }], [-10, 40, -9, 41]);
    await refused(far, 'imagery.bounds.outside');
    free = 1000;
    await refused(image.path, 'imagery.disk.full');
    free = Number.POSITIVE_INFINITY;
  });
  it('an upload is streamed to disk, checked, and dropped when refused', async () => {
    const up = (name: string, body: Uint8Array<ArrayBuffer>) =>
      app.request(`/api/imagery/upload?file=${name}&name=${encodeURIComponent('上传')}&date=2024`, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          cookie: sessions.admin?.cookie ?? '',
          'x-csrf-token': sessions.admin?.csrf ?? '',
          'accept-language': 'en',
        },
        body,
      });
    const bad = await up('x.tif', new Uint8Array(Buffer.from('nope')));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'imagery.file.notWhatNamed' });
    expect(leftovers()).toEqual([]);
    const pm = join(work, 'up.pmtiles');
    writePmtiles(
      pm,
      [{ z: 15, x: 25938, y: 14327, data: Buffer.from('tile') }],
      [108.58, 22.58, 108.6, 22.6],
    );
    const ok = await up('up.pmtiles', new Uint8Array(readFileSync(pm)));
    expect(ok.status).toBe(202);
    const { job } = (await ok.json()) as { job: { id: string } };
    expect(await library.wait(job.id)).toMatchObject({ state: 'done' });
    expect(leftovers()).toEqual([]);
  });
  it('a planner may not add imagery', async () => {
    expect(
      (await call('planner', 'POST', '/api/imagery', { path: image.path, name: 'x' })).status,
    ).toBe(403);
  });
});

describe('imagery under the 成果图 sheets', { timeout: 120_000 }, () => {
  /** Two toe lines of 钦江 near 108.6°E 21.95°N (a draft of city-01). */
  const toes = ['toe-left', 'toe-right'].map((role, k) => ({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [0, 1, 2, 3, 4].map((i) => [108.6 + i * 0.0025, 21.95 + (k ? -1 : 1) * 0.00036]),
    },
    properties: { reach: 'QJ-A', river: 'qinjiang', role, embankmentClass: 2, widthM: 30 },
  }));

  /** Page 2 (the first map sheet) through poppler at 20 dpi: the share of pixels in grid colours. */
  async function gridShare(pdf: ArrayBuffer, grid: SyntheticImage): Promise<number> {
    const file = join(work, `sheet-${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, new Uint8Array(pdf));
    execFileSync('pdftoppm', ['-f', '2', '-l', '2', '-r', '20', '-png', file, `${file}-p`]);
    const png = readdirSync(work).find((f) => f.startsWith(`${file.split('/').pop()}-p`));
    const { data, info } = await sharp(join(work, png as string))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const colours: [number, number, number][] = [];
    for (let c = 0; c < grid.cells; c++)
      for (let r = 0; r < grid.cells; r++) colours.push(grid.colour(c, r));
    let hits = 0;
    for (let i = 0; i < data.length; i += 3) {
      const near = colours.some(
        ([r, g, b]) =>
          Math.abs((data[i] as number) - r) <= 12 &&
          Math.abs((data[i + 1] as number) - g) <= 12 &&
          Math.abs((data[i + 2] as number) - b) <= 12,
      );
      if (near) hits++;
    }
    return hits / (info.width * info.height);
  }

  it('draws a chosen layer under the map, credited; an unknown or unseen layer is 404', async () => {
    const saved = await call('planner', 'PUT', '/api/plans/city-01/geometry', {
      features: toes,
      baseVersion: 0,
    });
    expect(saved.status, await saved.clone().text()).toBe(201);
    // a 3 km grid around the reach, in its GK zone (cs2cs: the reach's centre in EPSG:4545)
    const [n, e] = execFileSync('cs2cs', ['-f', '%.3f', 'EPSG:4490', 'EPSG:4545'], {
      input: '21.95 108.605\n',
      encoding: 'utf8',
    })
      .trim()
      .split(/\s+/)
      .map(Number) as [number, number];
    const grid = writeSyntheticGeotiff(join(work, 'under-sheet.tif'), {
      cells: 6,
      cellPx: 250,
      resolution: 2,
      origin: { e: Math.round(e - 1500), n: Math.round(n + 1500) },
    });
    const added = await add(grid.path, '合成网格（成果图）', {
      date: '2024-05',
      source: '测试生成',
    });
    expect(added.job).toMatchObject({ state: 'done' });
    const layers = (await (await call('planner', 'GET', '/api/imagery')).json()) as {
      layers: { id: string; name: string }[];
    };
    const id = layers.layers.find((l) => l.name === '合成网格（成果图）')?.id as string;

    const plain = await call('planner', 'GET', '/api/plans/city-01/sheets.pdf?version=draft');
    expect(plain.status, await plain.clone().text()).toBe(200);
    const over = await call(
      'planner',
      'GET',
      `/api/plans/city-01/sheets.pdf?version=draft&imagery=${id}`,
    );
    expect(over.status, await over.clone().text()).toBe(200);
    const [without, withImagery] = [
      await gridShare(await plain.arrayBuffer(), grid),
      await gridShare(await over.clone().arrayBuffer(), grid),
    ];
    console.log(
      `sheets: ${(withImagery * 100).toFixed(1)} % of page 2 in the grid's colours with the layer, ${(without * 100).toFixed(1)} % without`,
    );
    expect(without).toBeLessThan(0.01);
    expect(withImagery).toBeGreaterThan(0.3);
    const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-', '-'], {
      input: Buffer.from(await over.arrayBuffer()),
      encoding: 'utf8',
    });
    expect(text).toContain('影像：合成网格（成果图）（测试生成，2024-05）');

    const unknown = await call(
      'planner',
      'GET',
      '/api/plans/city-01/sheets.pdf?version=draft&imagery=img-nope',
    );
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'imagery.sheets.unknownLayer' });
    // the public set never takes a staff-only layer
    const pub = await call('public', 'GET', `/api/plans/city-01/sheets.pdf?public=1&imagery=${id}`);
    expect(pub.status).toBe(404);
    expect(
      (await call('planner', 'GET', '/api/plans/city-01/sheets.pdf?imagery=Bad_Id')).status,
    ).toBe(400);
  });
});
