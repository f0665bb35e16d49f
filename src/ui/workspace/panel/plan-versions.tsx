import { useLang } from '../../i18n';
import { useWt } from '../messages';
import type { PlanVersion } from './plan-api';
import { formatTime } from './show-problem';

/** The plan's saved geometry versions, newest first; the published one marked. */
export function PlanVersions(props: {
  versions: readonly PlanVersion[];
  published: number | null;
}) {
  const { lang } = useLang();
  const t = useWt();
  return (
    <section className="plan-versions" aria-labelledby="plan-versions-title">
      <h3 id="plan-versions-title">
        {t('versions')} <small>({props.versions.length})</small>
      </h3>
      {props.versions.length === 0 ? (
        <p className="hint">{t('noVersions')}</p>
      ) : (
        <ul className="records">
          {props.versions.map((v) => (
            <li key={v.version} data-version={v.version}>
              <span>
                {t('versionLine', {
                  v: v.version,
                  author: v.author,
                  at: formatTime(v.createdAt, lang),
                  n: v.features,
                })}
                {props.published === v.version && (
                  <span className="badge good">{t('publishedDone')}</span>
                )}
              </span>
              {v.comment && <span className="text">{v.comment}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
