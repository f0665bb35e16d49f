// 字段对应 in the import confirmation: per attribute its values and what it says (guessed, or as the
// planner confirmed it last time for the same fields), changeable; and what each feature becomes.
import type { FeatureCollection } from 'geojson';
import { renderMessage } from '../../../contract/messages/render';
import {
  applyFieldMapping,
  FIELD_TARGETS,
  type FieldMapping,
  type FieldTarget,
  type MappedFeature,
} from '../../../domain/formats/import/guess-field-mapping';
import { useLang } from '../../i18n';
import { useWt, type WT } from '../messages';

/** Features listed one by one; more are summed up. */
const LISTED = 12;

const TARGET_LABEL: Record<FieldTarget, Parameters<WT>[0]> = {
  role: 'mapRole',
  bank: 'mapBank',
  embankmentClass: 'mapClass',
  widthM: 'mapWidth',
  protectionM: 'mapProtection',
  reachName: 'mapReach',
};

const ROLE_LABEL = {
  'toe-left': 'roleToeLeft',
  'toe-right': 'roleToeRight',
  'bank-left': 'roleBankLeft',
  'bank-right': 'roleBankRight',
  water: 'roleWater',
  'approved-boundary': 'roleApproved',
  work: 'roleWork',
} as const;

/** One feature as the working copy will get it: 左岸堤脚线 · 3 级 · 管理 20 m · 城区段. */
function becomes(m: MappedFeature, t: WT): string {
  return [
    m.role ? t(ROLE_LABEL[m.role]) : t('mapNoRole'),
    m.embankmentClass ? t('mapClassIs', { n: m.embankmentClass }) : null,
    m.widthM !== undefined ? t('mapWidthIs', { m: m.widthM }) : null,
    m.protectionM !== undefined ? t('mapProtectionIs', { m: m.protectionM }) : null,
    m.reachName ?? null,
  ]
    .filter((s) => s !== null)
    .join(' · ');
}

/** Line and polygon features of a collection (points are not added). */
const addable = (fc: FeatureCollection) =>
  fc.features.filter((f) => f.geometry && !/Point/.test(f.geometry.type));

/**
 * The field mapping of one imported file: a row per attribute (its values, a select of what it
 * says), then each line as it will arrive, with the values that do not read flagged.
 */
export function FieldMappingSection(props: {
  features: FeatureCollection;
  mapping: FieldMapping;
  /** values of each field found in the file */
  values: Readonly<Record<string, readonly string[]>>;
  remembered: boolean;
  onChange: (mapping: FieldMapping) => void;
}) {
  const t = useWt();
  const { lang } = useLang();
  const fields = Object.keys(props.mapping);
  if (fields.length === 0) return null;
  const features = addable(props.features);
  // the features keep their order in the file: their place is their identity here
  const mapped = features.map((f, i) => ({
    n: i + 1,
    ...applyFieldMapping(f.properties ?? {}, props.mapping),
  }));
  const flagged = mapped.filter((m) => m.problems.length > 0).length;
  const set = (field: string, target: FieldTarget | null) => {
    const next: FieldMapping = {};
    // one attribute per target: choosing it elsewhere frees it here
    for (const f of fields)
      next[f] =
        f !== field && target && props.mapping[f] === target ? null : (props.mapping[f] ?? null);
    next[field] = target;
    props.onChange(next);
  };
  return (
    <section className="field-mapping" aria-label={t('mapTitle')}>
      <h5>{t('mapTitle')}</h5>
      <p className="sub">{props.remembered ? t('mapRemembered') : t('mapGuessed')}</p>
      <ul className="field-rows">
        {fields.map((field) => (
          <li key={field} data-field={field}>
            <label>
              <span className="field-name">{field}</span>
              <span className="values">
                {t('mapValuesAre', { values: (props.values[field] ?? []).join('、') || '—' })}
              </span>
              <select
                name={`map-${field}`}
                aria-label={t('mapMeansOf', { field })}
                value={props.mapping[field] ?? ''}
                onChange={(e) => set(field, (e.target.value || null) as FieldTarget | null)}
              >
                <option value="">{t('mapKeep')}</option>
                {FIELD_TARGETS.map((target) => (
                  <option key={target} value={target}>
                    {t(TARGET_LABEL[target])}
                  </option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ul>
      <h5>{t('mapBecomes')}</h5>
      <ol className="mapped-features">
        {mapped.slice(0, LISTED).map((m) => (
          <li
            key={m.n}
            data-problems={m.problems.length}
            className={m.problems.length ? 'flagged' : ''}
          >
            {becomes(m, t)}
            {m.problems.map((p) => (
              <span key={p.code + JSON.stringify(p.params)} className="problem block">
                {renderMessage(p, lang)}
              </span>
            ))}
          </li>
        ))}
      </ol>
      {mapped.length > LISTED && (
        <p className="sub">{t('mapMore', { n: mapped.length - LISTED })}</p>
      )}
      {flagged > 0 && (
        <p className="hint mapping-flagged" role="status">
          {t('mapFlagged', { n: flagged })}
        </p>
      )}
    </section>
  );
}
