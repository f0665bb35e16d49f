// The course of a plan's river where the map has one (geodata/rivers.geojson, oriented upstream →
// downstream): the editor checks with it that every bank line runs downstream. Rivers that are
// 未上图 have none, and nothing is fetched for them.
import type { Position } from 'geojson';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { RiverView } from '../../../domain/rivers/waterbody';
import { requestJson } from '../../api';

const RIVERS = z.object({
  features: z.array(
    z.object({
      properties: z.object({ riverId: z.string().nullable().optional() }).nullable(),
      geometry: z.object({ type: z.string(), coordinates: z.unknown() }).nullable(),
    }),
  ),
});

let courses: Promise<Map<string, Position[]>> | null = null;

/** Every named river's course, fetched once per page. */
function loadCourses(): Promise<Map<string, Position[]>> {
  courses ??= requestJson('/geodata/rivers.geojson', RIVERS).then((fc) => {
    const out = new Map<string, Position[]>();
    for (const f of fc.features) {
      const id = f.properties?.riverId;
      if (id && f.geometry?.type === 'LineString')
        out.set(id, f.geometry.coordinates as Position[]);
    }
    return out;
  });
  return courses;
}

/** The river's course (downstream), or null while loading, when it has none, or when it failed. */
export function useRiverCourse(river: RiverView | undefined): Position[] | null {
  const [course, setCourse] = useState<Position[] | null>(null);
  const id = river?.geometry ? river.id : null;
  useEffect(() => {
    setCourse(null);
    if (!id) return;
    let live = true;
    loadCourses()
      .then((all) => live && setCourse(all.get(id) ?? null))
      // the check is a help: without the file the sides still follow the lines themselves
      .catch(() => {
        courses = null;
      });
    return () => {
      live = false;
    };
  }, [id]);
  return course;
}
