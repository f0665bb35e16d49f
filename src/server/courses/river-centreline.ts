// The centreline of a river from its newest course: what the flood-line tool (issue 16) starts from.
import type { LineString } from 'geojson';
import { centrelineOf } from '../../domain/rivers/course';
import { latestVisible } from '../../domain/rivers/course-access';
import type { Store } from '../store/store';

/**
 * The centreline lines of a waterbody's newest course version (every version when `staff`, else
 * the newest public one), with the version they come from; null when it has no course or the
 * course has no centreline.
 * @example (await riverCentreline(store, 'qinjiang', true))?.lines[0].coordinates
 */
export async function riverCentreline(
  store: Store,
  riverId: string,
  staff: boolean,
): Promise<{ version: number; lines: LineString[] } | null> {
  const newest = latestVisible(await store.listCourses(riverId), staff).get(riverId);
  const course = newest && (await store.getCourse(riverId, newest.version));
  const lines = course ? centrelineOf(course) : [];
  return course && lines.length > 0 ? { version: course.version, lines } : null;
}
