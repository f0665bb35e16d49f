import type { LineString, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findSelfIntersection } from '../../src/domain/editor/find-self-intersection';
import { mulberry32 } from '../helpers/random';

const line = (coordinates: Position[]): LineString => ({ type: 'LineString', coordinates });
const ring = (coordinates: Position[]): Polygon => ({
  type: 'Polygon',
  coordinates: [coordinates],
});

describe('findSelfIntersection', () => {
  it('finds the crossing of a bow-tie line, with the segments and the point', () => {
    const hit = findSelfIntersection(
      line([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
      ]),
    );
    expect(hit).toEqual({ ring: 0, segments: [0, 2], at: [1, 1] });
  });

  it('passes a simple river bank with many bends, and a straight toe line', () => {
    const bends = Array.from({ length: 40 }, (_, i) => [
      108.58 + 0.0003 * Math.sin(i / 3),
      21.96 + i * 0.0003,
    ]);
    expect(findSelfIntersection(line(bends))).toBeNull();
    expect(
      findSelfIntersection(
        line([
          [108.5805071087, 21.9646519262],
          [108.5805438076, 21.9736824482],
        ]),
      ),
    ).toBeNull();
  });

  it('ignores repeated points, as terra-draw has them while a line is being drawn', () => {
    expect(
      findSelfIntersection(
        line([
          [0, 0],
          [0, 0],
          [1, 0],
          [1, 0],
          [1, 1],
          [1, 1],
        ]),
      ),
    ).toBeNull();
    expect(
      findSelfIntersection(
        line([
          [0, 0],
          [0, 0],
        ]),
      ),
    ).toBeNull();
  });

  it('counts touching: a line that comes back onto a vertex of itself, or folds back', () => {
    const touch = findSelfIntersection(
      line([
        [0, 0],
        [2, 0],
        [2, 2],
        [1, 0],
      ]),
    );
    expect(touch?.segments).toEqual([0, 2]);
    expect(touch?.at).toEqual([1, 0]);
    const spike = findSelfIntersection(
      line([
        [0, 0],
        [2, 0],
        [1, 0],
      ]),
    );
    expect(spike).toEqual({ ring: 0, segments: [0, 1], at: [2, 0] });
  });

  it('judges a polygon ring as closed: a square passes, a bow tie is refused', () => {
    const square = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(findSelfIntersection(ring(square))).toBeNull();
    const bow = findSelfIntersection(
      ring([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
    );
    expect(bow?.segments).toEqual([0, 2]);
    expect(bow?.at).toEqual([0.5, 0.5]);
    // a hole that crosses itself is found in its own ring
    const holed: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
          [0, 0],
        ],
        [
          [2, 2],
          [4, 4],
          [4, 2],
          [2, 4],
          [2, 2],
        ],
      ],
    };
    expect(findSelfIntersection(holed)?.ring).toBe(1);
  });

  it('leaves a ring being drawn (fewer than 3 corners) alone', () => {
    expect(
      findSelfIntersection(
        ring([
          [0, 0],
          [0, 0],
          [0, 0],
          [0, 0],
        ]),
      ),
    ).toBeNull();
    expect(
      findSelfIntersection(
        ring([
          [0, 0],
          [1, 1],
          [1, 1],
          [0, 0],
        ]),
      ),
    ).toBeNull();
  });

  it('on seeded random zig-zags: the point lies on both segments, x-monotone lines pass, input untouched', () => {
    const rand = mulberry32(20190620);
    for (let k = 0; k < 300; k++) {
      const coords = Array.from({ length: 3 + Math.floor(rand() * 6) }, () => [
        Math.round(rand() * 20),
        Math.round(rand() * 20),
      ]);
      const g = line(coords);
      const before = JSON.stringify(g);
      const hit = findSelfIntersection(g);
      expect(JSON.stringify(g)).toBe(before);
      if (hit) {
        // the reported point lies on both reported segments
        const segs = coords.filter((c, i) => i === 0 || c.join() !== coords[i - 1]?.join());
        for (const s of hit.segments) {
          const [a, b] = [segs[s] as number[], segs[s + 1] as number[]];
          const crossZ =
            ((b[0] as number) - (a[0] as number)) * ((hit.at[1] as number) - (a[1] as number)) -
            ((b[1] as number) - (a[1] as number)) * ((hit.at[0] as number) - (a[0] as number));
          expect(Math.abs(crossZ)).toBeLessThan(1e-9);
        }
      }
      // a line whose x only grows cannot meet itself
      const monotone = coords.map((c, i) => [i * 3 + rand(), c[1] as number]);
      expect(findSelfIntersection(line(monotone))).toBeNull();
    }
  });
});
