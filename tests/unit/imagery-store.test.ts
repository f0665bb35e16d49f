// The imagery records in both stores (the memory twin and SQLite): the same answers, audited.
import { describe, expect, it } from 'vitest';
import type { ImageryLayer } from '../../src/contract/imagery';
import { createMemoryStore } from '../../src/server/store/memory-store';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { freshPgStore } from '../helpers/pg-store';

const clock = () => new Date('2026-12-03T08:00:00Z');
const layer = (id: string, at: string): ImageryLayer => ({
  id,
  name: `影像 ${id}`,
  date: '2024-05',
  resolution: 0.5,
  source: '测试生成',
  public: false,
  bounds: [108.5, 21.8, 108.6, 21.9],
  minzoom: 12,
  maxzoom: 18,
  format: 'mbtiles',
  file: `${id}.mbtiles`,
  synthetic: true,
  addedBy: 'admin',
  addedAt: at,
});

describe.each([
  ['memory', () => createMemoryStore(clock)],
  ['sqlite', () => openSqliteStore(':memory:', clock)],
  ['postgres', () => freshPgStore(clock)],
] as [string, () => Store | Promise<Store>][])('%s store: imagery', (_kind, open) => {
  it('adds once per id, lists oldest first, sets visibility, audits both', async () => {
    const store = await open();
    const b = layer('img-b', '2026-12-02T00:00:00Z');
    expect(await store.addImagery(b, 'admin')).toBe(true);
    expect(await store.addImagery(layer('img-a', '2026-12-01T00:00:00Z'), 'admin')).toBe(true);
    expect(await store.addImagery({ ...b, name: 'again' }, 'admin')).toBe(false);
    expect((await store.listImagery()).map((l) => [l.id, l.name])).toEqual([
      ['img-a', '影像 img-a'],
      ['img-b', '影像 img-b'],
    ]);
    b.name = 'mutated after the write';
    expect((await store.listImagery())[1]?.name).toBe('影像 img-b');
    expect(await store.setImageryPublic('img-b', true, 'admin')).toMatchObject({
      id: 'img-b',
      public: true,
    });
    expect(await store.setImageryPublic('img-none', true, 'admin')).toBeNull();
    expect((await store.listImagery())[1]?.public).toBe(true);
    const audit = await store.listAudit('imagery:img-b');
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['imagery.add', 'admin'],
      ['imagery.public', 'admin'],
    ]);
    await store.close();
  });
});
