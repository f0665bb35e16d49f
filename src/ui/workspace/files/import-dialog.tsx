import type { FeatureCollection } from 'geojson';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type FieldMapping,
  guessFieldMapping,
} from '../../../domain/formats/import/guess-field-mapping';
import type { ImportOptions } from '../../../domain/formats/types';
import type { BBox } from '../../../domain/geo/bbox';
import { showImportPreview } from '../../../map/import-preview';
import { coveredEdges } from '../../covered-edges';
import { useMapHandle } from '../../map-handle';
import { useWt } from '../messages';
import type { PickedSource } from './collect-sources';
import { FieldMappingSection } from './field-mapping';
import type { FilesClient } from './files-client';
import { type ImportEntry, ImportFileCard } from './import-file-card';
import { countWorkPoints, previewCollection } from './imported-features';
import { rememberedMapping, rememberMapping } from './remembered-mapping';

/** The preview is worth seeing even in the strip a phone's bottom sheet leaves above it. */
const PREVIEW_MIN_FREE_PX = 150;
const onPhone = () => globalThis.matchMedia?.('(max-width: 800px)').matches ?? false;

// reduced, never spread into Math.min: a spread of a large array overflows the call stack
const union = (boxes: BBox[]): BBox | null =>
  boxes.length === 0
    ? null
    : boxes.reduce<BBox>(
        (u, b) => [
          Math.min(u[0], b[0]),
          Math.min(u[1], b[1]),
          Math.max(u[2], b[2]),
          Math.max(u[3], b[3]),
        ],
        [Infinity, Infinity, -Infinity, -Infinity],
      );

/** The entries' imported collections (files that were read). */
const importedOf = (entries: readonly ImportEntry[]): FeatureCollection[] =>
  entries.flatMap((e) => (e.answer?.result.ok ? [e.answer.result.features] : []));

/** A file's field mapping as the confirmation shows it: offered (remembered or guessed) or changed. */
interface MappingState {
  mapping: FieldMapping;
  values: Record<string, string[]>;
  remembered: boolean;
}

/** The mapping offered for a read file: the one `user` confirmed for these fields, else a guess. */
function offeredMapping(fc: FeatureCollection, user: string | null): MappingState {
  const guesses = guessFieldMapping(fc.features);
  const values = Object.fromEntries(guesses.map((g) => [g.field, g.values]));
  const fields = guesses.map((g) => g.field);
  const remembered = user ? rememberedMapping(user, fields) : null;
  return remembered
    ? { mapping: remembered, values, remembered: true }
    : {
        mapping: Object.fromEntries(guesses.map((g) => [g.field, g.target])),
        values,
        remembered: false,
      };
}

/**
 * The import's confirmation: each picked file is read in the worker and described (CRS and how it
 * was known, encoding, axis swap, counts, extent, warnings, or why it is refused) and previewed on
 * the map; nothing reaches the working copy before 确认添加. 取消 adds nothing.
 */
export function ImportDialog(props: {
  sources: PickedSource[];
  /** files that could not even be read (too big, unreadable) */
  problems: string[];
  client: FilesClient;
  /** the account whose confirmed mappings are remembered (null: none) */
  user: string | null;
  onConfirm: (collections: FeatureCollection[], mappings: (FieldMapping | null)[]) => void;
  onCancel: () => void;
}) {
  const t = useWt();
  const map = useMapHandle();
  const [entries, setEntries] = useState<ImportEntry[]>(() =>
    props.sources.map((source) => ({ source, options: {}, answer: null, failed: null })),
  );
  const reads = useRef<number[]>([]);
  // per entry (by index): the field mapping offered or changed; reset when the file is read again
  const [mappings, setMappings] = useState<Record<number, MappingState>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const { client } = props;

  const read = useCallback(
    (i: number, source: PickedSource, options: ImportOptions) => {
      // a newer read of the same file wins over an older one that answers late
      const n = (reads.current[i] ?? 0) + 1;
      reads.current[i] = n;
      const settle = (patch: Partial<ImportEntry>) =>
        reads.current[i] === n &&
        setEntries((list) => list.map((e, j) => (j === i ? { ...e, ...patch } : e)));
      setEntries((list) =>
        list.map((e, j) => (j === i ? { ...e, options, answer: null, failed: null } : e)),
      );
      setMappings(({ [i]: _, ...rest }) => rest);
      client
        .run({ kind: 'import', source: { name: source.name, bytes: source.bytes }, options })
        .then(
          (answer) => settle({ answer }),
          (err: unknown) => settle({ failed: err instanceof Error ? err.message : String(err) }),
        );
    },
    [client],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: the picked files are read once, on opening
  useEffect(() => {
    for (const [i, s] of props.sources.entries()) read(i, s, {});
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, []);

  // a file read (again) gets its mapping offered once
  // biome-ignore lint/correctness/useExhaustiveDependencies: offered when an answer arrives
  useEffect(() => {
    const fresh: Record<number, MappingState> = {};
    for (const [i, e] of entries.entries())
      if (e.answer?.result.ok && !mappings[i])
        fresh[i] = offeredMapping(e.answer.result.features, props.user);
    if (Object.keys(fresh).length > 0) setMappings((m) => ({ ...m, ...fresh }));
  }, [entries]);

  const confirm = () => {
    const ok = entries.flatMap((e, i) => (e.answer?.result.ok ? [mappings[i] ?? null] : []));
    for (const m of ok)
      if (props.user && m && Object.keys(m.mapping).length > 0)
        rememberMapping(props.user, m.mapping);
    props.onConfirm(
      imported,
      ok.map((m) => m?.mapping ?? null),
    );
  };

  const imported = importedOf(entries);
  const extent = union(entries.flatMap((e) => (e.answer?.extent ? [e.answer.extent] : [])));
  const extentKey = extent?.join(',') ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn when what was read changes
  useEffect(() => {
    if (!map) return;
    void showImportPreview(map, imported.length ? previewCollection(imported) : null);
  }, [map, entries]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: zoom when the extent changes, not per render
  useEffect(() => {
    if (map && extent)
      map.fitTo(
        extent,
        coveredEdges(
          document.querySelector('[data-testid="map"]'),
          onPhone() ? PREVIEW_MIN_FREE_PX : undefined,
        ),
      );
  }, [map, extentKey]);
  useEffect(() => () => void (map && showImportPreview(map, null)), [map]);

  const reading = entries.some((e) => !e.answer && !e.failed);
  const total = entries.reduce(
    (s, e) => {
      const c = e.answer?.result.ok ? e.answer.counts : null;
      return c
        ? {
            lines: s.lines + c.lines,
            polygons: s.polygons + c.polygons,
            points: s.points + c.points,
          }
        : s;
    },
    { lines: 0, polygons: 0, points: 0 },
  );
  // points are added only where the file marks them as works; a coordinate table's 界桩 are not
  const workPoints = countWorkPoints(imported);
  const otherPoints = total.points - workPoints;
  const addable = total.lines + total.polygons + workPoints > 0;

  return (
    <section
      className="import-dialog"
      role="dialog"
      aria-labelledby="import-title"
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <h3 id="import-title" ref={heading} tabIndex={-1}>
        {t('importTitle')}
      </h3>
      {props.problems.length > 0 && (
        <div className="problem" role="alert">
          <ul>
            {props.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {entries.map((entry, i) => {
        const m = mappings[i];
        const result = entry.answer?.result;
        return (
          <div key={entry.source.name}>
            <ImportFileCard entry={entry} onOptions={(options) => read(i, entry.source, options)} />
            {m && result?.ok && (
              <FieldMappingSection
                features={result.features}
                mapping={m.mapping}
                values={m.values}
                remembered={m.remembered}
                onChange={(mapping) => setMappings((all) => ({ ...all, [i]: { ...m, mapping } }))}
              />
            )}
          </div>
        );
      })}
      {!reading && (
        <div className="import-total">
          <p>{addable ? t('willAdd', total) : t('nothingToAdd')}</p>
          {workPoints > 0 && <p className="hint">{t('pointsAsWorks', { n: workPoints })}</p>}
          {otherPoints > 0 && <p className="hint">{t('pointsNotAdded', { n: otherPoints })}</p>}
          {imported.length > 0 && <p className="sub">{t('previewNote')}</p>}
        </div>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={reading || !addable} onClick={confirm}>
          {t('confirmAdd')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}
