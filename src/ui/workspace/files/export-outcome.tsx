import { renderMessage } from '../../../contract/messages/render';
import { useLang } from '../../i18n';
import { useWt } from '../messages';
import type { ExportAnswer } from './files-protocol';

/** Where an export stands: running, the worker failed, or the export's own answer. */
export type Outcome =
  | { kind: 'running' }
  | { kind: 'failed'; error: string }
  | ExportAnswer['result'];

/** What became of an export: the file downloaded and the export's notes, or its reasons as given. */
export function ExportOutcome({ outcome }: { outcome: Outcome | null }) {
  const t = useWt();
  const { lang } = useLang();
  if (!outcome) return null;
  if ('kind' in outcome) {
    return outcome.kind === 'running' ? (
      <p className="loading" role="status">
        {t('exporting')}
      </p>
    ) : (
      <p className="problem" role="alert">
        {t('filesWorkerFailed', { msg: outcome.error })}
      </p>
    );
  }
  if (!outcome.ok) {
    return (
      <div className="problem" role="alert">
        {t('exportFailed')}
        <ul>
          {outcome.errors
            .map((e) => renderMessage(e, lang))
            .map((e) => (
              <li key={e}>{e}</li>
            ))}
        </ul>
      </div>
    );
  }
  return (
    <>
      <p className="notice" role="status" data-file={outcome.name}>
        {t('exportDone', { name: outcome.name, crs: outcome.crs })}
      </p>
      {outcome.warnings.length > 0 && (
        <div className="hint">
          {t('exportWarnings')}
          <ul>
            {outcome.warnings
              .map((w) => renderMessage(w, lang))
              .map((w) => (
                <li key={w}>{w}</li>
              ))}
          </ul>
        </div>
      )}
    </>
  );
}
