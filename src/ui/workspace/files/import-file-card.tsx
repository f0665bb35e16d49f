import { renderMessage } from '../../../contract/messages/render';
import type { CrsCode } from '../../../domain/crs/crs';
import { CRS } from '../../../domain/crs/crs';
import type { ImportOptions, TextEncoding } from '../../../domain/formats/types';
import { useLang } from '../../i18n';
import { ReasonList } from '../draft/draft-outcome';
import { useWt } from '../messages';
import type { PickedSource } from './collect-sources';
import { crsHow, formatExtent, importFormatOf } from './describe-import';
import type { ImportAnswer } from './files-protocol';

/** One picked file in the confirmation: what it is read with, and what the import found. */
export interface ImportEntry {
  source: PickedSource;
  options: ImportOptions;
  /** null while it is read */
  answer: ImportAnswer | null;
  /** the worker itself failed (not the file) */
  failed: string | null;
}

const CRS_CODES = Object.keys(CRS) as CrsCode[];

/** The picked files, shapefile parts by stem: `lines.shp .shx .dbf .prj · zones.shp …`. */
function partsText(parts: readonly string[]): string {
  const byStem = new Map<string, string[]>();
  for (const p of parts) {
    const dot = p.lastIndexOf('.');
    const stem = dot > 0 ? p.slice(0, dot) : p;
    byStem.set(stem, [...(byStem.get(stem) ?? []), dot > 0 ? p.slice(dot) : '']);
  }
  return [...byStem].map(([stem, exts]) => `${stem}${exts.join(' ')}`).join(' · ');
}

/**
 * A file of the import: its format, the detected CRS and how it was known, the encoding, any axis
 * swap, the counts and extent, every warning, or the reasons it is refused; with selects to give
 * the CRS or the encoding, which read the file again.
 */
export function ImportFileCard(props: {
  entry: ImportEntry;
  onOptions: (options: ImportOptions) => void;
}) {
  const t = useWt();
  const { lang } = useLang();
  const { source, options, answer, failed } = props.entry;
  const format = importFormatOf(source.name);
  const result = answer?.result ?? null;
  const state = !answer
    ? 'reading'
    : result?.ok
      ? 'ok'
      : result && !result.ok && result.needs
        ? 'needs-crs'
        : 'refused';
  const fits = result && !result.ok ? (result.fits ?? null) : null;
  const needsCrs = result !== null && !result.ok && result.needs === 'crs';
  const showCrs = result?.ok || needsCrs || options.crs !== undefined;
  const showEncoding = format?.textEncoding && (result?.ok || options.encoding !== undefined);
  const how = result?.ok && format ? crsHow(result, format.id) : null;
  const swap =
    result?.ok && result.swapped ? { n: result.swapped.points, total: result.swapped.total } : null;
  const counts = answer?.counts;
  const encoding = result?.ok ? result.encoding : null;

  return (
    <article className="import-file" data-state={state} data-format={format?.id ?? ''}>
      <h4>{partsText(source.parts)}</h4>
      {state === 'reading' && !failed && <p className="loading">{t('importReading')}</p>}
      {failed && (
        <p className="problem" role="alert">
          {t('filesWorkerFailed', { msg: failed })}
        </p>
      )}
      {result?.ok && how && counts && (
        <dl>
          <dt>{t('importFormat')}</dt>
          <dd>{format?.label}</dd>
          <dt>{t('importCrs')}</dt>
          <dd className="import-crs" data-crs={result.crs}>
            <strong>{result.crs}</strong> {CRS[result.crs].name}
            <span className="sub block">{t(how.key, { zone: how.zone ?? '' })}</span>
          </dd>
          <dt>{t('importEncoding')}</dt>
          <dd className="import-encoding" data-encoding={encoding ?? ''}>
            {encoding === null
              ? t('encNone')
              : encoding === 'ascii'
                ? t('encAscii')
                : encoding.toUpperCase()}
            {options.encoding && t('encChosen')}
          </dd>
          <dt>{t('axisSwap')}</dt>
          <dd className="import-swap" data-swapped={swap?.n ?? 0}>
            {swap ? t('axisSwapped', swap) : t('axisNone')}
          </dd>
          <dt>{t('importCounts')}</dt>
          <dd className="import-counts">
            {[
              t('countLines', { n: counts.lines }),
              t('countPolygons', { n: counts.polygons }),
              t('countPoints', { n: counts.points }),
            ].join(' · ')}
          </dd>
          {answer?.extent && (
            <>
              <dt>{t('importExtent')}</dt>
              <dd>{formatExtent(answer.extent, lang)}</dd>
            </>
          )}
        </dl>
      )}
      {showCrs && (
        <label className="field">
          {needsCrs ? t('crsNeeded') : t('crsOverride')}
          <select
            name="crs"
            value={options.crs ?? ''}
            onChange={(e) =>
              props.onOptions({ ...options, crs: (e.target.value || undefined) as CrsCode })
            }
          >
            <option value="">{needsCrs ? t('crsPick') : t('crsByFile')}</option>
            {CRS_CODES.map((code) => (
              <option key={code} value={code}>
                {code} {CRS[code].name}
                {code === fits ? t('crsFits') : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {showEncoding && (
        <label className="field">
          {t('encOverride')}
          <select
            name="encoding"
            value={options.encoding ?? ''}
            onChange={(e) =>
              props.onOptions({
                ...options,
                encoding: (e.target.value || undefined) as TextEncoding | undefined,
              })
            }
          >
            <option value="">{t('encAuto')}</option>
            <option value="utf-8">UTF-8</option>
            <option value="gbk">GBK</option>
          </select>
        </label>
      )}
      {result && !result.ok && (
        <ReasonList
          title={needsCrs ? '' : t('importRefused')}
          reasons={result.errors.map((e) => renderMessage(e, lang))}
          alert
        />
      )}
      {result?.ok && (
        <ReasonList
          title={t('importWarnings')}
          reasons={result.warnings.map((w) => renderMessage(w, lang))}
        />
      )}
    </article>
  );
}
