import type { GeoJSONStoreFeatures, TerraDrawMouseEvent } from 'terra-draw';
import { describe, expect, it } from 'vitest';
import { snapVertexFirst } from '../../src/map/snap-vertex-first';

// a fake projection: 1 degree = 1000 px, y down
const project = (lng: number, lat: number) => ({ x: lng * 1000, y: -lat * 1000 });
const at = (x: number, y: number) =>
  ({ containerX: x, containerY: y, lng: x / 1000, lat: -y / 1000 }) as TerraDrawMouseEvent;
const line = (id: string, coordinates: number[][]): GeoJSONStoreFeatures =>
  ({
    id,
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: { mode: 'linestring' },
  }) as GeoJSONStoreFeatures;

const features = [
  line('a', [
    [0, 0],
    [0, 0.1],
  ]),
];
const snap = snapVertexFirst(() => features, 24);

describe('snapVertexFirst (fake projection)', () => {
  it('takes a vertex within reach over the nearer point of an edge', () => {
    // 5 px east of the end vertex (0, 0): the edge is 5 px away too, the vertex wins
    expect(snap(at(5, 0), { project })).toEqual([0, 0]);
    // 23 px east, 10 px north of the vertex: the vertex (25 px) is out of reach, the edge (23 px) is not
    const edge = snap(at(23, -10), { project }) as number[];
    expect(edge[0]).toBe(0);
    expect(edge[1]).toBeCloseTo(0.01, 12);
  });

  it('snaps to nothing out of reach, and never to the feature being drawn', () => {
    expect(snap(at(40, -50), { project })).toBeUndefined();
    expect(snap(at(5, 0), { project, currentId: 'a' })).toBeUndefined();
  });
});

describe('snapVertexFirst to the river courses (河道底图)', () => {
  // a course centreline from (1, 0) to (1, 0.1): not a drawn feature, given as extra lines
  const course = [
    [
      [1, 0],
      [1, 0.1],
    ],
  ];
  const withCourse = snapVertexFirst(
    () => features,
    24,
    () => course,
  );

  it('snaps to a course vertex, then to a course edge, as to a drawn line', () => {
    expect(withCourse(at(1005, 3), { project })).toEqual([1, 0]);
    const edge = withCourse(at(1010, -50), { project }) as number[];
    expect(edge[0]).toBe(1);
    expect(edge[1]).toBeCloseTo(0.05, 12);
    // the drawn line still wins where it is nearer
    expect(withCourse(at(5, 0), { project })).toEqual([0, 0]);
  });

  it('without courses, nothing there to snap to', () => {
    expect(snap(at(1005, 3), { project })).toBeUndefined();
  });
});
