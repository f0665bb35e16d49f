import type { LineString, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import {
  allowedRange,
  checkProperties,
  type PropertyProblem,
} from '../../src/domain/editor/check-properties';
import type { EditFeature, EditGeometry, EditProperties } from '../../src/domain/editor/edit-types';
import { measureLength } from '../../src/domain/editor/measure-length';
import { newFeatureProperties } from '../../src/domain/editor/new-feature';
import { problemMessage } from '../../src/domain/editor/problem-message';
import { msg } from '../../src/domain/message';
import { bankWidths } from '../../src/domain/zones/compute-zones';
import type { BankLine } from '../../src/domain/zones/read-reaches';
import {
  classWords,
  DEFAULT_RULES,
  type EmbankmentClass,
  resolveRules,
} from '../../src/domain/zones/rules';

const rules = resolveRules(DEFAULT_RULES, {});
const LINE: LineString = {
  type: 'LineString',
  coordinates: [
    [108.5805071087, 21.9646519262],
    [108.5805438076, 21.9736824482],
  ],
};
const WATER: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [108.58, 21.96],
      [108.581, 21.96],
      [108.581, 21.97],
      [108.58, 21.96],
    ],
  ],
};

const feature = (
  properties: Partial<EditProperties>,
  geometry: EditGeometry = LINE,
): EditFeature => ({
  type: 'Feature',
  id: 'f1',
  geometry,
  properties: { reach: 'r1', role: 'toe-left', ...properties },
});

describe('checkProperties', () => {
  it('refuses an imported class-2 line with widthM 60, quoting the range and the table', () => {
    const f = feature({ embankmentClass: 2, widthM: 60 });
    const before = JSON.stringify(f);
    expect(checkProperties(f, rules)).toEqual([
      {
        field: 'widthM',
        code: 'out-of-range',
        value: 60,
        range: { min: 20, max: 50 },
        kind: 'toe',
        embankmentClass: 2,
        rule: { id: 'GB50286-2013', version: '2019-06-20', legalBasis: DEFAULT_RULES.legalBasis },
      },
    ]);
    expect(JSON.stringify(f)).toBe(before);
  });

  it('takes class 2 / 30 m with protection 40 m, unset widths, and a water polygon', () => {
    expect(
      checkProperties(feature({ embankmentClass: 2, widthM: 30, protectionM: 40 }), rules),
    ).toEqual([]);
    expect(checkProperties(feature({ embankmentClass: 3 }), rules)).toEqual([]);
    expect(checkProperties(feature({ role: 'water' }, WATER), rules)).toEqual([]);
    expect(checkProperties(feature({ role: 'bank-right', widthM: 0 }), rules)).toEqual([]);
  });

  it('asks for a role, a class on a toe line, and the right geometry for the role', () => {
    expect(checkProperties(feature({ role: null }), rules)).toEqual([
      { field: 'role', code: 'missing' },
    ]);
    expect(checkProperties(feature({ embankmentClass: null }), rules)).toEqual([
      { field: 'embankmentClass', code: 'missing' },
    ]);
    expect(checkProperties(feature({ role: 'water' }), rules)).toEqual([
      { field: 'role', code: 'wrong-geometry', geometry: 'LineString' },
    ]);
    expect(checkProperties(feature({ role: 'toe-right' }, WATER), rules)).toEqual([
      { field: 'role', code: 'wrong-geometry', geometry: 'Polygon' },
    ]);
    // a point is only ever a work's position (泵站, 水文站)
    const POINT: EditGeometry = { type: 'Point', coordinates: [108.5805, 21.9646] };
    expect(checkProperties(feature({ role: 'toe-left' }, POINT), rules)).toEqual([
      { field: 'role', code: 'wrong-geometry', geometry: 'Point' },
    ]);
    expect(checkProperties(feature({ role: 'work' }, POINT), rules)).toEqual([]);
    expect(
      renderMessage(
        problemMessage({ field: 'role', code: 'wrong-geometry', geometry: 'Point' }),
        'zh',
      ),
    ).toBe('这是一个点，只能作为涉水工程（如泵站、水文站）。');
  });

  it('refuses protection out of range, protection on a bank line, and text for a width', () => {
    const p = checkProperties(feature({ embankmentClass: 4, widthM: 15, protectionM: 55 }), rules);
    expect(p).toMatchObject([
      { field: 'protectionM', code: 'out-of-range', range: { min: 30, max: 50 } },
    ]);
    expect(checkProperties(feature({ role: 'bank-left', protectionM: 30 }), rules)).toEqual([
      { field: 'protectionM', code: 'toe-only', value: 30 },
    ]);
    expect(
      checkProperties(feature({ embankmentClass: 2, widthM: '30' as unknown as number }), rules),
    ).toEqual([{ field: 'widthM', code: 'not-a-number', value: '30' }]);
  });

  it('uses the overrides of the reach: a river whose class-5 margin is 10–15 m', () => {
    const local = resolveRules(
      {
        ...DEFAULT_RULES,
        overrides: [{ river: 'qinjiang', widths: { toe: { 5: { min: 10, max: 15 } } } }],
      },
      { river: 'qinjiang' },
    );
    expect(checkProperties(feature({ embankmentClass: 5, widthM: 8 }), local)).toMatchObject([
      { field: 'widthM', code: 'out-of-range', range: { min: 10, max: 15 } },
    ]);
    expect(allowedRange(local, 'toe', 'widthM', 5)).toEqual({ min: 10, max: 15 });
    expect(allowedRange(local, 'bank', 'protectionM', null)).toBeNull();
  });

  it('agrees with the zone engine (bankWidths) on every class, role and width 0–60 m', () => {
    for (const role of ['toe-left', 'bank-right'] as const) {
      for (const cls of [1, 2, 3, 4, 5] as EmbankmentClass[]) {
        for (let w = 0; w <= 60; w += 1) {
          const f = feature({ role, embankmentClass: cls, widthM: w });
          const [kind, side] = role.split('-') as ['toe' | 'bank', 'left' | 'right'];
          const bank: BankLine = {
            side,
            kind,
            coords: LINE.coordinates,
            embankmentClass: kind === 'toe' ? cls : null,
            widthM: w,
            protectionM: null,
            feature: 1,
          };
          const engine = bankWidths('r1', bank, rules);
          expect(checkProperties(f, rules).length === 0).toBe(!('code' in engine));
        }
      }
    }
  });
});

describe('newFeatureProperties', () => {
  it('asks for the class of a new line (nothing set by default), then starts a new reach', () => {
    const first = newFeatureProperties([], 'LineString', null);
    expect(first).toEqual({
      reach: 'reach-1',
      reachName: null,
      role: 'toe-left',
      sideFrom: 'geometry',
      embankmentClass: null,
      widthM: null,
      protectionM: null,
    });
    const a = {
      ...feature({ ...first, embankmentClass: 2, widthM: 30, reachName: '城区段' }),
      id: 'a',
    };
    const second = newFeatureProperties([a], 'LineString', null);
    expect(second).toMatchObject({
      reach: 'reach-1',
      reachName: '城区段',
      role: 'toe-right',
      embankmentClass: null,
      widthM: null,
    });
    const b = { ...feature(second), id: 'b' };
    expect(newFeatureProperties([a, b], 'LineString', null)).toMatchObject({
      reach: 'reach-2',
      reachName: null,
      role: 'toe-left',
    });
    expect(newFeatureProperties([a, b], 'Polygon', 'a')).toEqual({
      reach: 'reach-1',
      reachName: '城区段',
      role: 'water',
    });
  });

  it('gives the other bank the class and widths set for both banks (两岸相同)', () => {
    const a = {
      ...feature({
        reach: 'reach-1',
        role: 'toe-left',
        embankmentClass: 3,
        widthM: 20,
        protectionM: 35,
        sameBothBanks: true,
      }),
      id: 'a',
    };
    expect(newFeatureProperties([a], 'LineString', null)).toMatchObject({
      role: 'toe-right',
      embankmentClass: 3,
      widthM: 20,
      protectionM: 35,
      sameBothBanks: true,
    });
  });
});

describe('measureLength', () => {
  it('measures the straight fixture toe line in the GK zone (≈ 1 km), and nothing outside the zones', () => {
    const m = measureLength(LINE.coordinates) as number;
    expect(m).toBeGreaterThan(990);
    expect(m).toBeLessThan(1010);
    expect(
      measureLength([
        [100, 20],
        [100.1, 20],
      ]),
    ).toBeNull();
  });
});

describe('problem messages', () => {
  it('quote the rule in the user language, rendered by the catalogs', () => {
    const [p] = checkProperties(feature({ embankmentClass: 2, widthM: 60 }), rules);
    const m = problemMessage(p as PropertyProblem);
    expect(m.code).toBe('editor.problem.widthToe');
    expect(renderMessage(m, 'zh')).toMatch(/^宽度 60 m 超出 2 级堤防护堤地宽度 20–50 m（/);
    expect(renderMessage(m, 'en')).toMatch(
      /^Width 60 m is outside the class 2 embankment toe margin 20–50 m \(/,
    );
    const none = problemMessage({ field: 'role', code: 'missing' });
    expect(renderMessage(none, 'zh')).toBe('尚未设置类型（堤脚线、岸线或水域）。');
  });
});

describe('embankment classes in messages', () => {
  it('class 5 reads 4 级以下, never 5 级 (the engine, the rule table and the editor alike)', () => {
    const words = [1, 2, 3, 4, 5].map((c) =>
      renderMessage(
        msg('zones.width.outOfRange', {
          reach: '钦江 第 1 段',
          role: '左岸堤脚线',
          class: classWords(c as EmbankmentClass),
          min: 5,
          max: 10,
          got: 12,
          rule: 'GB50286-2013',
          version: '2019-06-20',
        }),
        'zh',
      ),
    );
    expect(words[1]).toContain('2 级堤防护堤地宽度应为 5–10 m');
    expect(words[4]).toContain('4 级以下堤防护堤地宽度应为 5–10 m');
    expect(words.join()).not.toMatch(/5 级/);
    expect(renderMessage(msg('zones.rules.what.toe', { class: classWords(5) }), 'en')).toBe(
      'toe, below class 4',
    );
  });
});
