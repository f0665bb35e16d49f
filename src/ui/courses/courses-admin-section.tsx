// 河道底图 in the admin console: choose a river of the register, then import its course and switch
// its versions public or staff-only (the river panel's section, without the map preview).
import { useEffect, useState } from 'react';
import type { RiverView } from '../../domain/rivers/waterbody';
import { loadRivers, type Session } from '../api';
import CourseSection from './course-section';
import { useCt } from './course-text';

/** The console's section: a river picker and the course section of the river picked. */
export function CoursesAdminSection({ session }: { session: Session }) {
  const { ct } = useCt();
  const [rivers, setRivers] = useState<RiverView[]>([]);
  const [riverId, setRiverId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const reload = () =>
    loadRivers()
      .then(setRivers)
      .catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once when the section opens
  useEffect(() => void reload(), []);
  const river = rivers.find((r) => r.id === riverId);
  return (
    <section className="courses-admin" aria-label={ct('courseTitle')}>
      <h3>{ct('courseTitle')}</h3>
      <p className="hint">{ct('courseAdminHint')}</p>
      <label>
        {ct('courseRiver')}
        <select value={riverId} onChange={(e) => setRiverId(e.target.value)} name="river">
          <option value="">—</option>
          {rivers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
              {r.course
                ? ` · ${ct('courseLine', { v: r.course.version, source: r.course.source })}`
                : ''}
            </option>
          ))}
        </select>
      </label>
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {river && (
        <CourseSection
          key={river.id}
          river={river}
          session={session}
          onChanged={() => void reload()}
        />
      )}
    </section>
  );
}
