// The imagery rules: tile arithmetic, zoom choice, CRS and file checks, bounds, visibility,
// PMTiles decoding, and a conversion that resumes where it stopped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImageryBounds } from '../../src/domain/imagery/check-bounds';
import { checkImageCrs } from '../../src/domain/imagery/check-crs';
import { chooseZooms } from '../../src/domain/imagery/choose-zooms';
import { mayManageImagery, maySeeImagery } from '../../src/domain/imagery/may-see-imagery';
import { zxyToTileId } from '../../src/domain/imagery/pmtiles';
import { sniffImageryFile } from '../../src/domain/imagery/sniff-format';
import {
  isTileAddress,
  lonLatToTile,
  tileMercatorBounds,
  tileRange,
} from '../../src/domain/imagery/tile-math';
import {
  convertGeotiff,
  inspectGeotiff,
  planChunks,
} from '../../src/server/imagery/convert-geotiff';
import { buildMbtiles, openMbtiles } from '../../src/server/imagery/mbtiles-archive';
import { openPmtiles } from '../../src/server/imagery/pmtiles-archive';
import { zh as imageryZh } from '../../src/ui/imagery/messages-imagery';
import { englishSentences } from '../helpers/english-sentences';
import { writePmtiles } from '../helpers/pmtiles-writer';
import { writeSyntheticGeotiff } from '../helpers/synthetic-imagery';

const work = mkdtempSync(join(tmpdir(), 'hejie-imagery-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const wkt = (crs: string) => execFileSync('gdalsrsinfo', ['-o', 'wkt2', crs]).toString();

describe('tile arithmetic', () => {
  it('finds tiles and their Mercator bounds', () => {
    expect(lonLatToTile(0, 0, 1)).toEqual([1, 1]);
    expect(lonLatToTile(-180, 85.06, 3)).toEqual([0, 0]);
    expect(lonLatToTile(108.6, 22.0, 10)).toEqual([820, 447]);
    const [w, s, e, n] = tileMercatorBounds(1, 1, 0);
    expect([w, s]).toEqual([0, 0]);
    expect(e).toBeCloseTo(20037508.34, 1);
    expect(n).toBeCloseTo(20037508.34, 1);
    expect(tileRange([108.5, 21.8, 108.6, 21.9], 12)).toEqual({
      z: 12,
      minX: 3282,
      minY: 1792,
      maxX: 3283,
      maxY: 1793,
    });
    expect([
      isTileAddress(0, 0, 0),
      isTileAddress(1, 2, 0),
      isTileAddress(1.5, 0, 0),
      isTileAddress(25, 0, 0),
    ]).toEqual([true, false, false, false]);
  });
  it('chooses the zoom nearest the image’s resolution, and a coarsest zoom of about one tile', () => {
    expect(chooseZooms({ resolution: 0.5, lat: 22, widthPx: 40000, heightPx: 30000 })).toEqual({
      minzoom: 11,
      maxzoom: 18,
    });
    expect(chooseZooms({ resolution: 1, lat: 22.6, widthPx: 1024, heightPx: 1024 })).toEqual({
      minzoom: 15,
      maxzoom: 17,
    });
    // 0.2 m lies between z19 (0.28 m) and z20 (0.14 m), nearer z19 in log terms
    expect(chooseZooms({ resolution: 0.2, lat: 22, widthPx: 256, heightPx: 256 })).toEqual({
      minzoom: 19,
      maxzoom: 19,
    });
    expect(() => chooseZooms({ resolution: 0, lat: 22, widthPx: 1, heightPx: 1 })).toThrow();
  });
});

describe('coordinate systems of a GeoTIFF', () => {
  it('takes CGCS2000 and its Gauss-Krüger zones (EPSG:4490, 4513–4554)', () => {
    for (const code of ['EPSG:4490', 'EPSG:4513', 'EPSG:4533', 'EPSG:4545', 'EPSG:4554'])
      expect(checkImageCrs(wkt(code))).toEqual({ ok: true });
  });
  it('refuses no CRS, Xian 1980 and Beijing 1954 (geographic and GK zones), by datum', () => {
    expect(checkImageCrs('')).toEqual({ ok: false, reason: { code: 'imagery.crs.missing' } });
    for (const [code, datum] of [
      ['EPSG:4610', 'Xian 1980'],
      ['EPSG:2382', 'Xian 1980'],
      ['EPSG:4214', 'Beijing 1954'],
      ['EPSG:2434', 'Beijing 1954'],
    ])
      expect(checkImageCrs(wkt(code as string))).toEqual({
        ok: false,
        reason: { code: 'imagery.crs.oldDatum', params: { datum } },
      });
    expect(checkImageCrs(wkt('EPSG:4301'))).toMatchObject({
      ok: false,
      reason: { code: 'imagery.crs.otherDatum' },
    });
  });
});

describe('files and bounds', () => {
  const bytes = (s: string | number[]) =>
    typeof s === 'string' ? new TextEncoder().encode(s) : new Uint8Array(s);
  it('knows a file by its magic bytes and refuses one that is not what its name says', () => {
    expect(sniffImageryFile('a.tif', bytes([0x49, 0x49, 42, 0]))).toEqual({
      ok: true,
      kind: 'geotiff',
    });
    expect(sniffImageryFile('a.TIFF', bytes([0x4d, 0x4d, 0, 43]))).toEqual({
      ok: true,
      kind: 'geotiff',
    });
    expect(sniffImageryFile('a.mbtiles', bytes('SQLite format 3\0'))).toEqual({
      ok: true,
      kind: 'mbtiles',
    });
    expect(
      sniffImageryFile('a.pmtiles', bytes([...'PMTiles'].map((c) => c.charCodeAt(0)).concat(3))),
    ).toEqual({ ok: true, kind: 'pmtiles' });
    expect(sniffImageryFile('a.tif', bytes('SQLite format 3\0'))).toMatchObject({
      ok: false,
      reason: { code: 'imagery.file.notWhatNamed' },
    });
    expect(sniffImageryFile('a.jpg', bytes([0xff, 0xd8]))).toMatchObject({
      ok: false,
      reason: { code: 'imagery.file.extension' },
    });
  });
  it('takes bounds inside the region only', () => {
    const clip = [107.9, 21.3, 110.1, 22.9] as const;
    expect(checkImageryBounds([108.5, 21.8, 108.6, 21.9], clip)).toBeNull();
    expect(checkImageryBounds([100, 21.8, 108.6, 21.9], clip)).toMatchObject({
      code: 'imagery.bounds.outside',
    });
    expect(checkImageryBounds([108.6, 21.8, 108.5, 21.9], clip)).toMatchObject({
      code: 'imagery.bounds.invalid',
    });
    expect(checkImageryBounds([Number.NaN, 21.8, 108.5, 21.9], clip)).toMatchObject({
      code: 'imagery.bounds.invalid',
    });
  });
  it('shows staff-only layers to staff, never to the public or departments', () => {
    const user = (role: 'admin' | 'planner' | 'chief' | 'department') => ({
      kind: 'user' as const,
      id: 'u',
      username: 'u',
      name: 'u',
      role,
      person: null,
      scope: { level: 'all' as const, counties: [] },
      canPublish: false,
    });
    const staffOnly = { public: false };
    expect([
      maySeeImagery({ kind: 'public' }, staffOnly),
      maySeeImagery(user('department'), staffOnly),
      maySeeImagery(user('chief'), staffOnly),
      maySeeImagery(user('planner'), staffOnly),
    ]).toEqual([false, false, true, true]);
    expect(maySeeImagery({ kind: 'public' }, { public: true })).toBe(true);
    expect([mayManageImagery(user('admin')), mayManageImagery(user('planner'))]).toEqual([
      true,
      false,
    ]);
  });
});

describe('PMTiles', () => {
  it('numbers tiles along the Hilbert curve as the spec does', () => {
    expect([
      zxyToTileId(0, 0, 0),
      zxyToTileId(1, 0, 0),
      zxyToTileId(1, 0, 1),
      zxyToTileId(1, 1, 1),
      zxyToTileId(1, 1, 0),
      zxyToTileId(2, 0, 0),
    ]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(zxyToTileId(12, 3423, 1763)).toBeGreaterThan(zxyToTileId(11, 2047, 2047));
  });
  it('reads back every tile written, and nothing else', () => {
    const tiles = [];
    for (let x = 0; x < 8; x++)
      for (let y = 0; y < 8; y++) tiles.push({ z: 3, x, y, data: Buffer.from(`t${x}-${y}`) });
    const path = join(work, 't.pmtiles');
    writePmtiles(path, tiles, [108, 21, 109, 22]);
    const r = openPmtiles(path);
    for (const t of tiles) expect(r.tile(t.z, t.x, t.y)?.toString()).toBe(t.data.toString());
    expect(r.tile(4, 0, 0)).toBeNull();
    r.close();
  });
});

describe('a conversion', { timeout: 60_000 }, () => {
  it('resumes: chunks already in the archive are skipped', async () => {
    const img = writeSyntheticGeotiff(join(work, 'g.tif'), {
      cells: 8,
      cellPx: 256,
      resolution: 1,
    });
    const inspected = await inspectGeotiff(img.path);
    if (!inspected.ok) throw new Error('inspect failed');
    const chunks = planChunks(inspected.plan);
    expect(chunks.length).toBeGreaterThan(2);
    const part = join(work, 'g.mbtiles');
    // a job stopped after its first chunk: that chunk is marked done with a tile only it has
    const first = chunks[0] as (typeof chunks)[number];
    const kept = await sharp({
      create: { width: 256, height: 256, channels: 4, background: '#ff00ff' },
    })
      .png()
      .toBuffer();
    const w = buildMbtiles(part);
    w.putChunk(`${first.z}/${first.minX}/${first.minY}`, [
      { z: first.z, x: first.minX, y: first.minY, data: kept },
    ]);
    w.close();
    const seen: number[] = [];
    await convertGeotiff(img.path, part, work, inspected.plan, { name: 'g' }, (p) => seen.push(p));
    expect(seen.at(-1)).toBe(1);
    const r = openMbtiles(part);
    expect(r.tile(first.z, first.minX, first.minY)?.equals(kept)).toBe(true);
    const second = chunks[1] as (typeof chunks)[number];
    expect(r.tile(second.z, second.minX, second.minY)).not.toBeNull();
    r.close();
  });
});

describe("the imagery UI's Chinese dictionary", () => {
  it('has no untranslated English sentence and no empty text', () => {
    const entries = Object.entries(imageryZh as Record<string, string>);
    expect(entries.filter(([, text]) => text.trim() === '')).toEqual([]);
    expect(entries.flatMap(([k, text]) => englishSentences(text).map((s) => `${k}: ${s}`))).toEqual(
      [],
    );
  });
});
