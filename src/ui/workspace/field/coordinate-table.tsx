import type { Feature, FeatureCollection } from 'geojson';
import { useMemo, useState } from 'react';
import type { CrsInfo } from '../../../domain/crs/crs';
import { CRS, zoneOfExtent } from '../../../domain/crs/crs';
import type { CoordinateTable as Table } from '../../../domain/formats/tables/coordinate-table';
import { buildCoordinateTables } from '../../../domain/formats/tables/coordinate-table';
import { bboxOf } from '../../../domain/geo/bbox';
import {
  countMarkers,
  type MarkerCounts,
  markerCountMessage,
} from '../../../domain/markers/count-markers';
import { flyToPoint } from '../../../map/fly-to';
import { pointCover } from '../../covered-edges';
import { useMapHandle } from '../../map-handle';
import { useWt } from '../messages';
import './field.css';
import type { Lang } from '../../../contract/messages/lang';
import { renderMessage } from '../../../contract/messages/render';
import { useLang } from '../../i18n';

const LINE_KINDS = new Set(['management-line', 'protection-line']);
/** The columns shown (of the export's): number, X north, Y east, B, L. */
const SHOWN = ['点号', 'X', 'Y', 'B', 'L'] as const;

type Built = { ok: true; crs: CrsInfo; tables: Table[] } | { ok: false; errors: string[] };

/**
 * The tables of the draft's markers (and, when asked, of its boundary lines' vertices) in the
 * export's auto zone (EPSG:4545 west of 109.5°E, EPSG:4546 east), as the deliverable prints them.
 */
function buildTables(draft: FeatureCollection, vertices: boolean, lang: Lang): Built {
  const markers = draft.features.filter((f) => f.geometry?.type === 'Point');
  const lines = draft.features.filter((f) => LINE_KINDS.has(f.properties?.kind));
  const parts: Feature[][] = [markers, ...(vertices ? [lines] : [])].filter((p) => p.length > 0);
  if (parts.length === 0) return { ok: false, errors: ['the draft has no markers'] };
  const all: FeatureCollection = { type: 'FeatureCollection', features: parts.flat() };
  const [minLon, , maxLon] = bboxOf(all);
  let crs: CrsInfo;
  try {
    crs = CRS[zoneOfExtent(minLon, maxLon).code];
  } catch (e) {
    return { ok: false, errors: [e instanceof Error ? e.message : String(e)] };
  }
  const tables: Table[] = [];
  // markers and vertices are built apart: given both, the export lists the markers only
  for (const features of parts) {
    const built = buildCoordinateTables({ type: 'FeatureCollection', features }, crs);
    if (!built.ok) return { ok: false, errors: built.errors.map((e) => renderMessage(e, lang)) };
    for (const t of built.tables) tables.push(t);
  }
  return { ok: true, crs, tables };
}

function CoordinateRows(props: {
  table: Table;
  where: ReadonlyMap<string, [number, number]>;
  onPick: (id: string) => void;
  /** rows shown (the first ones) */
  limit: number;
}) {
  const t = useWt();
  const { table } = props;
  const at = SHOWN.map((c) => table.columns.indexOf(c));
  const code = table.columns.indexOf('地块编号');
  const heads = { 点号: t('colId'), X: t('colX'), Y: t('colY'), B: 'B', L: 'L' };
  return (
    <table className="coords" data-table={table.name}>
      <thead>
        <tr>
          {SHOWN.map((c) => (
            <th key={c} scope="col" data-col={c}>
              {heads[c]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.slice(0, props.limit).map((row) => {
          const id = row[at[0] as number]?.text ?? '';
          const label = code >= 0 ? `${row[code]?.text ?? ''} ${id}` : id;
          const place = code >= 0 ? undefined : props.where.get(id);
          return (
            <tr
              key={label}
              data-id={label}
              data-lon={place?.[0]}
              data-lat={place?.[1]}
              onClick={() => props.onPick(id)}
            >
              <th scope="row" data-col="点号">
                {code >= 0 ? (
                  label
                ) : (
                  // its click bubbles to the row: Enter on the button finds the marker too
                  <button type="button" className="link">
                    {id}
                  </button>
                )}
              </th>
              {at.slice(1).map((i, k) => (
                <td key={SHOWN[k + 1]} data-col={SHOWN[k + 1]}>
                  {row[i]?.text}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * 坐标成果表 of the drawn draft: each marker's number, X (north) and Y (east) in the auto 3°
 * Gauss-Krüger zone, and B/L; the CRS is named above the tables. A row flies the map to its marker.
 */
export function CoordinateTable({ draft }: { draft: FeatureCollection }) {
  const t = useWt();
  const { lang } = useLang();
  const map = useMapHandle();
  const [vertices, setVertices] = useState(false);
  // Built and rendered only while open, a page of rows at a time: the whole 南流江 course has 6,254
  // markers, and rendering them all under a closed summary held the main thread after each 计算.
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  const built = useMemo(
    () => (open ? buildTables(draft, vertices, lang) : null),
    [open, draft, vertices, lang],
  );
  const head = useMemo(() => summarize(draft), [draft]);
  const where = useMemo(() => {
    const points = new Map<string, [number, number]>();
    for (const f of draft.features) {
      if (f.geometry?.type === 'Point' && typeof f.properties?.id === 'string') {
        points.set(f.properties.id, f.geometry.coordinates as [number, number]);
      }
    }
    return points;
  }, [draft]);
  const pick = (id: string) => {
    const at = where.get(id);
    if (map && at) void flyToPoint(map, at, pointCover(), 18);
  };

  return (
    <section className="coordinate-table">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h3>{t('coordTable')}</h3>
          {head && (
            <small>
              {' '}
              <span data-marker-counts={head.counts.total}>
                {renderMessage(markerCountMessage(head.counts), lang)}
              </span>{' '}
              · {head.code}
            </small>
          )}
        </summary>
        {built && !built.ok && (
          <div className="problem" role="alert">
            {t('coordFailed')}
            <ul>
              {built.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )}
        {built?.ok && (
          <>
            <p className="hint coord-crs" data-crs={built.crs.code}>
              {t('coordCrs', {
                zone: built.crs.zone ?? '',
                cm: built.crs.centralMeridian ?? '',
                code: built.crs.code,
              })}
            </p>
            <label className="check">
              <input
                type="checkbox"
                checked={vertices}
                onChange={(e) => setVertices(e.target.checked)}
              />
              {t('coordShowVertices')}
            </label>
            <div className="coord-scroll">
              {built.tables.map((table) => (
                <div key={table.name} className="coord-group">
                  <h4>
                    {table.name} <small>{t('coordRows', { n: table.rows.length })}</small>
                  </h4>
                  <CoordinateRows table={table} where={where} onPick={pick} limit={limit} />
                  {table.rows.length > limit && (
                    <button type="button" className="link" onClick={() => setLimit((n) => n * 4)}>
                      {t('coordMore', { n: table.rows.length - limit })}
                    </button>
                  )}
                </div>
              ))}
            </div>
            <p className="hint">{t('coordRowHint')}</p>
          </>
        )}
      </details>
    </section>
  );
}

/** Rows shown at first per table; "more" shows four times as many. */
const ROWS_PER_PAGE = 200;

/** The summary line's figures without building the tables: marker count and the auto zone. */
function summarize(draft: FeatureCollection): { counts: MarkerCounts; code: string } | null {
  const markers = draft.features.filter((f) => f.geometry?.type === 'Point');
  if (markers.length === 0) return null;
  const [minLon, , maxLon] = bboxOf({ type: 'FeatureCollection', features: markers });
  try {
    return { counts: countMarkers(markers), code: CRS[zoneOfExtent(minLon, maxLon).code].code };
  } catch {
    return null; // out of any zone: the opened table says why
  }
}
