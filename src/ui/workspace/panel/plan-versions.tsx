import { renderMessage } from '../../../contract/messages/render';
import { useLang } from '../../i18n';
import { useWt } from '../messages';
import type { PlanSignOffs, PlanVersion } from './plan-api';
import { formatTime } from './show-problem';

/** The plan's saved geometry versions, newest first; the published and the signed ones marked. */
export function PlanVersions(props: {
  versions: readonly PlanVersion[];
  published: number | null;
  signOffs: PlanSignOffs;
}) {
  const { lang } = useLang();
  const t = useWt();
  const { review, acceptance, publishable, reason } = props.signOffs;
  const signed = (v: number) =>
    [
      review?.version === v &&
        t('signedReview', { by: review.byName, at: formatTime(review.at, lang) }),
      acceptance?.version === v &&
        t('signedAcceptance', { by: acceptance.byName, at: formatTime(acceptance.at, lang) }),
    ].filter((x): x is string => typeof x === 'string');
  return (
    <section className="plan-versions" aria-labelledby="plan-versions-title">
      <h3 id="plan-versions-title">
        {t('versions')} <small>({props.versions.length})</small>
      </h3>
      {props.versions.length === 0 ? (
        <p className="hint">{t('noVersions')}</p>
      ) : (
        <>
          <p className="hint" data-signoff-status>
            {publishable !== null
              ? t('publishable', { v: publishable })
              : (review || acceptance) && reason && renderMessage(reason, lang)}
          </p>
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
                {signed(v.version).map((line) => (
                  <span key={line} className="badge signed" data-signed-version={v.version}>
                    {line}
                  </span>
                ))}
                {v.comment && <span className="text">{v.comment}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
