// The audit entries of river courses, the same in every store.
import type { CourseSummary } from '../../domain/rivers/course';

/** The audit target of a waterbody's course. */
export const courseTarget = (riverId: string): string => `river:${riverId}`;

/** What `course.import` records: the version and where it came from, not the features. */
export function courseImportDetail(c: CourseSummary): Record<string, unknown> {
  return {
    version: c.version,
    file: c.file,
    source: c.source,
    date: c.date,
    unit: c.unit,
    declassified: c.declassified,
    public: c.public,
    counts: c.counts,
  };
}

/** A version without its features. */
export function summaryOf<C extends CourseSummary>(c: C): CourseSummary {
  const { features: _, ...summary } = c as C & { features?: unknown };
  return summary;
}
