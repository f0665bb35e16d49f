import type { Feature, FeatureCollection } from 'geojson';
import { useMemo, useState } from 'react';
import type { CrsInfo } from '../../../domain/crs/crs';
import { CRS, gkZoneFor } from '../../../domain/crs/crs';
import type { CoordinateTable as Table } from '../../../domain/formats/coordinate-table';
import { buildCoordinateTables } from '../../../domain/formats/coordinate-table';
import { bboxOf } from '../../../domain/geo/bbox';
import { flyToPoint } from '../../../map/fly-to';
import { useMapHandle } from '../../map-handle';
import { useWt } from '../messages';
import { panelCover } from './panel-cover';
import './field.css';

const LINE_KINDS = new Set(['management-line', 'protection-line']);
/** The columns shown (of the export's): number, X north, Y east, B, L. */
const SHOWN = ['点号', 'X', 'Y', 'B', 'L'] as const;

type Built = { ok: true; crs: CrsInfo; tables: Table[] } | { ok: false; errors: string[] };

/**
 * The tables of the draft's markers (and, when asked, of its boundary lines' vertices) in the
 * export's auto zone (EPSG:4545 west of 109.5°E, EPSG:4546 east), as the deliverable prints them.
 */
function buildTables(draft: FeatureCollection, vertices: boolean): Built {
  const markers = draft.features.filter((f) => f.geometry?.type === 'Point');
  const lines = draft.features.filter((f) => LINE_KINDS.has(f.properties?.kind));
  const parts: Feature[][] = [markers, ...(vertices ? [lines] : [])].filter((p) => p.length > 0);
  if (parts.length === 0) return { ok: false, errors: ['the draft has no markers'] };
  const all: FeatureCollection = { type: 'FeatureCollection', features: parts.flat() };
  const [minLon, , maxLon] = bboxOf(all);
  let crs: CrsInfo;
  try {
    crs = CRS[gkZoneFor((minLon + maxLon) / 2)];
  } catch (e) {
    return { ok: false, errors: [e instanceof Error ? e.message : String(e)] };
  }
  const tables: Table[] = [];
  // markers and vertices are built apart: given both, the export lists the markers only
  for (const features of parts) {
    const built = buildCoordinateTables({ type: 'FeatureCollection', features }, crs);
    if (!built.ok) return built;
    tables.push(...built.tables);
  }
  return { ok: true, crs, tables };
}

function CoordinateRows(props: {
  table: Table;
  where: ReadonlyMap<string, [number, number]>;
  onPick: (id: string) => void;
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
        {table.rows.map((row) => {
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
  const map = useMapHandle();
  const [vertices, setVertices] = useState(false);
  const built = useMemo(() => buildTables(draft, vertices), [draft, vertices]);
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
    if (map && at) void flyToPoint(map, at, panelCover(), 18);
  };

  const points = built.ok ? built.tables.reduce((n, table) => n + table.rows.length, 0) : 0;
  return (
    <section className="coordinate-table">
      <details>
        <summary>
          <h3>{t('coordTable')}</h3>
          {built.ok && (
            <small>
              {' '}
              {t('coordRows', { n: points })} · {built.crs.code}
            </small>
          )}
        </summary>
        {!built.ok ? (
          <div className="problem" role="alert">
            {t('coordFailed')}
            <ul>
              {built.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : (
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
                  <CoordinateRows table={table} where={where} onPick={pick} />
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
