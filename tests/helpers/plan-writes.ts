import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { Session } from './accounts';
import { ROOT } from './register';

const straight = JSON.parse(
  readFileSync(join(ROOT, 'tests/fixtures/zones/in/straight.geojson'), 'utf8'),
) as FeatureCollection<LineString>;

/** The two toe lines of the `straight` zone fixture as points to click: left (west), right (east). */
export function straightToePoints(): [[number, number][], [number, number][]] {
  const [left, right] = editFeatures(0).map(
    (f) => (f.geometry as unknown as { coordinates: [number, number][] }).coordinates,
  );
  return [left as [number, number][], right as [number, number][]];
}

/**
 * The `n`-th edit of a plan's geometry: the two toe lines of the `straight` zone fixture (a valid
 * zone input), moved east by n × 1e-7° (≈ 1 cm), so that every version differs from the others.
 */
export function editFeatures(n: number): Feature[] {
  return straight.features.map((f) => ({
    ...f,
    properties: { ...f.properties },
    geometry: {
      type: 'LineString',
      coordinates: f.geometry.coordinates.map(([lon, lat]) => [
        Math.round(((lon as number) + n * 1e-7) * 1e10) / 1e10,
        lat as number,
      ]),
    },
  }));
}

/**
 * Saves `features` as a plan's next version over HTTP, on the newest one, as `session`; resolves the
 * new version number, or throws with the server's answer when it is not 201.
 */
export async function saveVersion(
  url: string,
  session: Session,
  planId: string,
  features: Feature[],
  comment?: string,
): Promise<number> {
  const geometry = `${url}/api/plans/${planId}/geometry`;
  const current = (await (await fetch(geometry, { headers: session.headers() })).json()) as {
    version: number;
  };
  const saved = await fetch(geometry, {
    method: 'PUT',
    headers: session.headers(),
    body: JSON.stringify({
      features,
      baseVersion: current.version,
      ...(comment === undefined ? {} : { comment }),
    }),
  });
  const body = (await saved.json()) as { version: number };
  if (saved.status !== 201)
    throw new Error(`save ${planId}: ${saved.status} ${JSON.stringify(body)}`);
  return body.version;
}

/** What a write request came back with; `null` when it never got an answer (connection died). */
export interface Reply {
  status: number;
  body: unknown;
  headers: Headers;
}

/** Sends a JSON request of a session; resolves null when the connection fails (e.g. kill -9). */
export async function send(
  url: string,
  session: Session,
  method: string,
  path: string,
  body?: unknown,
): Promise<Reply | null> {
  try {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: session.headers(),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text for the failure message
    }
    return { status: res.status, body: parsed, headers: res.headers };
  } catch {
    return null;
  }
}

/** `PRAGMA integrity_check` of a SQLite file opened read-only ("ok" when sound). */
export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}
