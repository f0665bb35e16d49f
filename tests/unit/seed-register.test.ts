import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/text/csv';
import { ROOT } from '../helpers/register';

const SEED = join(ROOT, 'docs/seed/qinzhou-river-boundary-plan-2019.md');
const SHARED_SEED = join(ROOT, '../shared/seed/qinzhou-river-boundary-plan-2019.md');

/** The two annex tables of the seed, read straight from the published text (tab-separated). */
function seedTables(): { level: string; cells: string[] }[] {
  const rows: { level: string; cells: string[] }[] = [];
  let level = '';
  for (const line of readFileSync(SEED, 'utf8').split('\n')) {
    if (line.startsWith('市领导担任河长的江河湖库管理范围划定工作计划表')) level = '市级';
    if (line.startsWith('县级负责同志担任河长的江河湖库管理范围划定工作计划表')) level = '县级';
    const cells = line.split('\t');
    if (level && cells.length === 8 && /^\d+$/.test(cells[0] ?? '')) rows.push({ level, cells });
  }
  return rows;
}

function csvRows(): Record<string, string>[] {
  const parsed = parseCsv(readFileSync(join(ROOT, 'geodata/plans.csv'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  const [header, ...body] = parsed.rows;
  return body.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

describe('geodata/plans.csv equals the seed tables', () => {
  it('the repo copy of the seed is the shared seed, byte for byte', () => {
    if (!existsSync(SHARED_SEED)) return;
    expect(readFileSync(SEED, 'utf8')).toBe(readFileSync(SHARED_SEED, 'utf8'));
  });

  it('has 36 plans: 7 city-level and 29 county-level', () => {
    const seed = seedTables();
    expect(seed).toHaveLength(36);
    expect(seed.filter((r) => r.level === '市级')).toHaveLength(7);
    expect(csvRows()).toHaveLength(36);
  });

  it('matches every field of every row, in order', () => {
    const seed = seedTables();
    const csv = csvRows();
    seed.forEach(({ level, cells }, i) => {
      const [seq, name, area, chief, unit, leader, deadline, note] = cells.map((c) => c.trim());
      const row = csv[i];
      expect(row, `row ${i + 1}`).toBeDefined();
      expect({
        level: row?.level,
        seq: row?.seq,
        name: row?.name,
        basinAreaKm2: row?.basinAreaKm2,
        chief: row?.chief,
        unit: row?.unit,
        leader: row?.leader,
        deadline: row?.deadline,
        note: row?.note,
      }).toEqual({ level, seq, name, basinAreaKm2: area, chief, unit, leader, deadline, note });
    });
  });

  it('keeps the quirks of the published tables', () => {
    const csv = csvRows();
    const canals = csv.filter((r) => r.name?.startsWith('市青年水闸'));
    expect(canals).toHaveLength(5);
    for (const c of canals) expect(c.basinAreaKm2).toBe('');
    expect(csv.filter((r) => r.riverId === 'wulijiang').map((r) => r.unit)).toEqual([
      '灵山县水利局',
      '浦北县水利局',
    ]);
    expect(csv.filter((r) => r.riverId === 'maolingjiang').map((r) => r.unit)).toEqual([
      '钦南区水利局',
      '钦北区水利局',
    ]);
    expect(csv.filter((r) => r.riverId === 'dafengjiang').map((r) => r.basinAreaKm2)).toEqual([
      '1888.1',
      '1927',
    ]);
    expect(csv.find((r) => r.id === 'city-03')?.name).toBe('武惠江');
  });

  it('gives each plan a stable id from its level and 序号', () => {
    for (const r of csvRows()) {
      expect(r.id).toBe(
        `${r.level === '市级' ? 'city' : 'county'}-${String(r.seq).padStart(2, '0')}`,
      );
    }
  });
});
