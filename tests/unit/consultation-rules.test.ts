// The rules of a consultation round (src/domain/review/consultation-rules.ts) and what a department
// sees of markers without the coordinate setting (withoutCoordinates).
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { withoutCoordinates } from '../../src/domain/markers/redact-markers';
import { msg } from '../../src/domain/message';
import { checkAnswer, checkDue, checkReply } from '../../src/domain/review/consultation-rules';
import { stageName } from '../../src/domain/workflow/stages';

/** 10:00 on Thursday 3 December 2026, China time. */
const NOW = new Date('2026-12-03T02:00:00Z');

describe('checkDue', () => {
  it('takes today (China) up to a year away', () => {
    expect(checkDue('2026-12-03', NOW)).toBeNull();
    expect(checkDue('2027-12-03', NOW)).toBeNull();
    // 23:30 UTC on the 2nd is already the 3rd in China
    expect(checkDue('2026-12-03', new Date('2026-12-02T16:30:00Z'))).toBeNull();
  });

  it('refuses a day before today (China) and one more than a year away', () => {
    expect(checkDue('2026-12-02', NOW)).toEqual(
      msg('consultation.due.past', { due: '2026-12-02', today: '2026-12-03' }),
    );
    expect(checkDue('2027-12-04', NOW)).toEqual(
      msg('consultation.due.tooFar', { due: '2027-12-04', max: '2027-12-03' }),
    );
  });
});

describe('checkReply', () => {
  const round = { planId: 'city-01', due: '2026-12-17' };
  it('is open at 意见征求 until 24:00 China time of the due day', () => {
    expect(checkReply(round, 'consultation', new Date('2026-12-17T15:59:59Z'))).toBeNull();
    expect(checkReply(round, 'consultation', new Date('2026-12-17T16:00:00Z'))).toEqual(
      msg('consultation.reply.late', { due: '2026-12-17', deadline: '2026-12-17T16:00:00.000Z' }),
    );
  });

  it('is closed once the plan left 意见征求, whatever the deadline', () => {
    expect(checkReply(round, 'field-check', NOW)).toEqual(
      msg('consultation.reply.closed', { plan: 'city-01', stage: stageName('field-check') }),
    );
  });
});

describe('checkAnswer', () => {
  it('answers objections only, while the plan is at 意见征求', () => {
    expect(checkAnswer({ verdict: 'objection', planId: 'city-01' }, 'consultation')).toBeNull();
    expect(checkAnswer({ verdict: 'no-objection', planId: 'city-01' }, 'consultation')).toEqual(
      msg('consultation.answer.noObjection'),
    );
    expect(checkAnswer({ verdict: 'objection', planId: 'city-01' }, 'review')).toEqual(
      msg('consultation.answer.closed', { plan: 'city-01', stage: stageName('review') }),
    );
  });
});

describe('withoutCoordinates', () => {
  const markers: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [108.6012345678, 21.9501234567] },
        properties: {
          id: 'QJ01-GL-L-001',
          markerType: 'boundary',
          kind: 'end',
          line: 'management',
          bank: 'left',
          chainageM: 0,
          lon: 108.6012345678,
          lat: 21.9501234567,
          crs: 'EPSG:4545',
          x: 2_428_765.432,
          y: 36_512_345.678,
        },
      },
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: {} },
    ],
  };

  it('drops X/Y, their zone and lon/lat properties, rounds points to 1e-5°, keeps the rest', () => {
    const before = structuredClone(markers);
    const out = withoutCoordinates(markers);
    expect(out.features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [108.60123, 21.95012] },
        properties: {
          id: 'QJ01-GL-L-001',
          markerType: 'boundary',
          kind: 'end',
          line: 'management',
          bank: 'left',
          chainageM: 0,
        },
      },
    ]);
    expect(markers).toEqual(before); // the input is not changed
  });
});
