import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/contract/messages/render';
import type { Message } from '../../src/domain/message';
import { PLAN_CSV_COLUMNS, readPlanRows } from '../../src/domain/plans/plan';
import { parseCsv } from '../../src/domain/text/csv';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, commas, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffa,"b,c","d""e"\r\n1,,3\n')).toEqual({
      ok: true,
      rows: [
        ['a', 'b,c', 'd"e'],
        ['1', '', '3'],
      ],
    });
  });
  it('reports an unclosed quote', () => {
    const r = parseCsv('a,"b\nc');
    expect(r.ok).toBe(false);
  });
});

describe('readPlanRows', () => {
  const header = [...PLAN_CSV_COLUMNS];
  const good = [
    'city-01',
    '市级',
    '1',
    '钦江',
    '2391',
    '高朴',
    '市水利局',
    '刘佐',
    '2019年10月',
    '示范性河流',
    'qinjiang',
    '',
  ];
  it('reads a good row', () => {
    const { plans, errors } = readPlanRows([header, good]);
    expect(errors).toEqual([]);
    expect(plans[0]).toMatchObject({ id: 'city-01', basinAreaKm2: 2391, section: null });
  });
  it('names the line and the field of a bad row', () => {
    const bad = [...good];
    bad[8] = '2019/10';
    const { errors } = readPlanRows([header, good, bad]);
    expect(errors.map((e) => renderMessage(e, 'en'))).toEqual([
      'line 3: deadline must read like 2019年10月, got "2019/10"',
    ]);
    expect(renderMessage(errors[0] as Message, 'zh')).toBe(
      '第 3 行：完成时间应形如 2019年10月，实为“2019/10”',
    );
  });
  it('refuses a negative basin area, an unknown unit, a duplicate id and a wrong header', () => {
    const neg = [...good];
    neg[4] = '-3';
    const unit = [...good];
    unit[0] = 'city-02';
    unit[6] = '南宁市水利局';
    const first = (rows: string[][]) =>
      renderMessage(readPlanRows(rows).errors[0] as Message, 'en');
    expect(first([header, neg])).toMatch(/basinAreaKm2/);
    expect(first([header, unit])).toMatch(/names no county/);
    expect(first([header, good, good])).toMatch(/duplicate id/);
    expect(first([['id'], good])).toMatch(/header/);
  });
});
