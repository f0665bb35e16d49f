// Field mapping of imports: a surveyed GBK shapefile with Chinese fields (written by GDAL at test
// time) is read, its fields guessed (名称 → role, 堤防级别 → class, 管理宽度 → width, 河段 → reach) and
// applied; English names and odd values too; values that do not map are reported, never guessed.
import { describe, expect, it } from 'vitest';
import {
  applyFieldMapping,
  fieldSetKey,
  guessFieldMapping,
  parseClass,
  parseSide,
} from '../../src/domain/formats/import/guess-field-mapping';
import { importFile } from '../../src/domain/formats/import/import-file';
import { inEnglish } from '../helpers/messages';
import { surveyedShapefileZip } from '../helpers/surveyed-shapefile';

describe('guessFieldMapping on a GBK shapefile with Chinese fields', () => {
  it('guesses each field from its name and values, and the features come in typed', () => {
    const r = importFile({ name: '钦江堤脚线.zip', bytes: surveyedShapefileZip() }, {});
    if (!r.ok) throw new Error(inEnglish(r.errors).join('; '));
    expect(r.encoding).toBe('gbk');
    const guesses = guessFieldMapping(r.features.features);
    expect(guesses).toEqual([
      { field: '名称', target: 'role', values: ['左岸堤脚线', '右岸堤脚线'] },
      { field: '堤防级别', target: 'embankmentClass', values: ['3', '三级'] },
      { field: '河段', target: 'reachName', values: ['城区段'] },
      { field: '管理宽度', target: 'widthM', values: ['20'] },
    ]);
    const mapping = Object.fromEntries(guesses.map((g) => [g.field, g.target]));
    const typed = r.features.features.map((f) => applyFieldMapping(f.properties ?? {}, mapping));
    expect(typed).toEqual([
      { role: 'toe-left', embankmentClass: 3, widthM: 20, reachName: '城区段', problems: [] },
      { role: 'toe-right', embankmentClass: 3, widthM: 20, reachName: '城区段', problems: [] },
    ]);
  });
});

describe('field names and values', () => {
  it('English names; a bank field completes a role without a side; one target per field', () => {
    const features = [
      {
        properties: {
          TYPE: 'toe',
          SIDE: 'L',
          GRADE: 'Ⅱ',
          WIDTH: '25m',
          PROTECTION: 30,
          REACH: 'A',
        },
      },
      { properties: { TYPE: 'bank line', SIDE: 'right', GRADE: '2级', WIDTH: 25, class: 4 } },
      { properties: { TYPE: 'water', SIDE: '', GRADE: 'II' } },
    ];
    const guesses = guessFieldMapping(features);
    expect(guesses.map((g) => [g.field, g.target])).toEqual([
      ['TYPE', 'role'],
      ['SIDE', 'bank'],
      ['GRADE', 'embankmentClass'],
      ['WIDTH', 'widthM'],
      ['PROTECTION', 'protectionM'],
      ['REACH', 'reachName'],
      // a second class field is left for the planner: one attribute per target
      ['class', null],
    ]);
    const mapping = Object.fromEntries(guesses.map((g) => [g.field, g.target]));
    expect(features.map((f) => applyFieldMapping(f.properties, mapping))).toEqual([
      {
        role: 'toe-left',
        embankmentClass: 2,
        widthM: 25,
        protectionM: 30,
        reachName: 'A',
        problems: [],
      },
      { role: 'bank-right', embankmentClass: 2, widthM: 25, problems: [] },
      { role: 'water', embankmentClass: 2, problems: [] },
    ]);
  });

  it('a 名称 field of place names is not a role; values that do not read are flagged, not guessed', () => {
    expect(guessFieldMapping([{ properties: { 名称: '钦江大桥' } }])[0]?.target).toBeNull();
    const mapping = {
      名称: 'role',
      级别: 'embankmentClass',
      岸别: 'bank',
      宽度: 'widthM',
    } as const;
    const bad = applyFieldMapping(
      { 名称: '堤脚线', 级别: '六级', 岸别: '中', 宽度: '-3' },
      mapping,
    );
    expect(bad.role).toBeUndefined();
    expect(bad.embankmentClass).toBeUndefined();
    expect(bad.widthM).toBeUndefined();
    expect(inEnglish(bad.problems)).toEqual([
      '"中" is not a bank (expected 左岸/右岸, 左/右, L/R, left/right)',
      '"堤脚线" does not say left or right bank; map a bank field as well',
      '"六级" is not an embankment class (expected 1–5, e.g. 3, 三级, Ⅲ, 3级)',
      '"-3" is not a width in metres (expected a positive number)',
    ]);
    const unknown = applyFieldMapping({ 名称: '道路' }, { 名称: 'role' });
    expect(inEnglish(unknown.problems)).toEqual([
      '"道路" does not say which line it is (expected 堤脚线, 临水线, 岸线 or 水域 in it)',
    ]);
    // empty values are absent, not problems
    expect(applyFieldMapping({ 级别: '' }, { 级别: 'embankmentClass' })).toEqual({ problems: [] });
  });

  it('classes and sides in the forms surveyors write them', () => {
    for (const [v, c] of [
      [1, 1],
      ['2', 2],
      ['3级', 3],
      ['三级', 3],
      ['Ⅳ', 4],
      ['V', 5],
      ['4 级堤防', 4],
      ['5.0', 5],
    ] as const)
      expect(parseClass(v), String(v)).toBe(c);
    for (const v of ['6', '0', '甲级', '', null, '3.5'])
      expect(parseClass(v), String(v)).toBeNull();
    expect(['左岸', '左', 'L', 'left', 'Left'].map(parseSide)).toEqual(Array(5).fill('left'));
    expect(['右岸', '右', 'R', 'right'].map(parseSide)).toEqual(Array(4).fill('right'));
    expect(parseSide('中')).toBeNull();
  });

  it('a field set is filed under its sorted names; inputs are not modified', () => {
    expect(fieldSetKey(['b', 'a'])).toBe(fieldSetKey(['a', 'b']));
    const p = { 名称: '左岸堤脚线' };
    const frozen = JSON.stringify(p);
    applyFieldMapping(p, { 名称: 'role' });
    expect(JSON.stringify(p)).toBe(frozen);
  });
});
