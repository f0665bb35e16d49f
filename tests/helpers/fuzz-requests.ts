import type { Dice } from './random';
import { syntheticPlan } from './synthetic-plan';

/** One generated request: raw enough to carry bad UTF-8, wrong types and odd methods. */
export interface FuzzRequest {
  method: string;
  /** path and query, percent-encoded as sent on the wire */
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
  /** what was malformed, for the failure message */
  label: string;
}

/** Who sends: the public, or a logged-in session with its cookie and CSRF token. */
export interface Caller {
  cookie: string;
  csrf: string;
}

const METHODS = ['GET', 'GET', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const PARAMS = [
  'city-01',
  'county-14',
  'city-99',
  'x',
  '0',
  '-1',
  '1e999',
  encodeURIComponent('钦江'),
  encodeURIComponent('武思江'),
  '%E0%A4%A', // truncated percent-encoding
  '%C3%28', // invalid UTF-8 once decoded
  '%FF%FE',
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '__proto__',
  'constructor',
  encodeURIComponent("city-01' OR '1'='1"),
  'a'.repeat(3000),
  '1.pbf',
  '99.pbf',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'multipart/form-data',
  'application/geo+json',
  'application/xml',
  '',
];
const STAGE_IDS = ['not-started', 'base-map', 'draft', 'consultation', 'field-check', 'published'];
const QUERY_KEYS = [
  'q',
  'level',
  'county',
  'stage',
  'overdue',
  'tier',
  'plan',
  'version',
  'colour',
];

/** A random JSON value, at most `depth` deep: the odd numbers and strings that break parsers. */
function randomValue(d: Dice, depth: number): unknown {
  const kind = d.int(depth > 0 ? 10 : 7);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return d.chance(0.5);
    case 2:
      return d.pick([0, -1, 1.5, 2 ** 53 + 1, -1e308, 1e-320, 36, 1_000_000]);
    case 3:
      return d.pick(['', ' ', '钦江', 'null', '<script>', '\u0000', '\ud800', 'a'.repeat(2000)]);
    case 4:
      return d.pick(STAGE_IDS);
    case 5:
      return { type: 'Feature', geometry: null, properties: null };
    case 6:
      return [];
    case 7:
      return Array.from({ length: d.int(4) }, () => randomValue(d, depth - 1));
    default:
      return Object.fromEntries(
        Array.from({ length: d.int(4) }, () => [
          d.pick(['to', 'features', 'baseVersion', 'username', 'text', '__proto__', 'x']),
          randomValue(d, depth - 1),
        ]),
      );
  }
}

/** A body close to what some route expects, with one field made wrong or dropped or added. */
function nearMiss(d: Dice): unknown {
  const templates: Record<string, unknown>[] = [
    { username: 'stress-planner', password: 'wrong' },
    { features: [], baseVersion: 0 },
    {
      features: [
        {
          type: 'Feature',
          properties: { reach: 'r', role: 'toe-left', embankmentClass: 2 },
          geometry: {
            type: 'LineString',
            coordinates: [
              [108.58, 21.96],
              [108.58, 21.97],
            ],
          },
        },
      ],
      baseVersion: 1,
    },
    { to: 'base-map', comment: 'fuzz' },
    { text: '评论', lon: 108.6, lat: 21.9 },
    { publicCoordinates: true },
    { username: 'fuzz-user', password: 'pw', role: 'admin', name: 'x' },
  ];
  const body = { ...d.pick(templates) };
  const keys = Object.keys(body);
  const key = d.pick(keys);
  const op = d.int(4);
  if (op === 0) delete body[key];
  else if (op === 1) body[key] = randomValue(d, 2);
  else if (op === 2) body[d.pick(['extra', '__proto__', 'role', 'id'])] = randomValue(d, 1);
  return body;
}

/** A body and its label: valid-ish JSON, broken JSON, bad UTF-8, deep nesting or oversized. */
function randomBody(d: Dice): { body: Buffer | null; label: string } {
  const kind = d.int(12);
  const buf = (s: string) => Buffer.from(s, 'utf8');
  if (kind <= 3) return { body: buf(JSON.stringify(nearMiss(d))), label: 'near-miss JSON' };
  if (kind === 4) return { body: buf(JSON.stringify(randomValue(d, 4))), label: 'random JSON' };
  if (kind === 5)
    return {
      body: buf(d.pick(['{"a":', 'nul', '{}}', "{'a':1}", '[1,]', '\u0000'])),
      label: 'broken JSON',
    };
  if (kind === 6)
    return {
      body: Buffer.from([0x7b, 0x22, 0x74, 0x6f, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]),
      label: 'bad UTF-8',
    };
  if (kind === 7) {
    const n = d.pick([1_000, 50_000]);
    return { body: buf(`${'['.repeat(n)}${']'.repeat(n)}`), label: `nested ${n} deep` };
  }
  if (kind === 8) {
    const mb = d.pick([1, 3, 12]);
    return {
      body: buf(JSON.stringify({ features: [], comment: 'x'.repeat(mb * 1024 * 1024) })),
      label: `${mb} MB`,
    };
  }
  if (kind === 9) return { body: buf('username=a&password=b'), label: 'form body' };
  if (kind === 10)
    return {
      body: buf('{"to":"draft","to":"published","__proto__":{"admin":true}}'),
      label: 'duplicate keys',
    };
  return { body: null, label: 'no body' };
}

function randomQuery(d: Dice): string {
  if (d.chance(0.6)) return '';
  const pairs = Array.from({ length: 1 + d.int(3) }, () => {
    const value = d.pick([
      '',
      'true',
      'maybe',
      '450721',
      '%E0%A4%A',
      '%C3%28',
      'draft',
      encodeURIComponent('钦'),
      'x'.repeat(500),
    ]);
    return `${d.pick(QUERY_KEYS)}=${value}`;
  });
  return `?${pairs.join('&')}`;
}

/** A route pattern (`/api/plans/:id`) with its parameters and wildcards filled in at random. */
function fillPath(d: Dice, pattern: string): string {
  return pattern
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':') && d.chance(0.4)) return d.pick(['city-01', 'city-02', 'county-14']);
      return seg.startsWith(':') || seg === '*' ? d.pick(PARAMS) : seg;
    })
    .join('/');
}

/** A route of the app: its method (`ALL` for middleware and catch-alls) and path pattern. */
export interface Route {
  method: string;
  path: string;
}

/** One seeded request to one of `routes` (half the time with its own method), sent as `caller`. */
export function fuzzRequest(d: Dice, routes: readonly Route[], caller: Caller | null): FuzzRequest {
  const route = d.pick(routes);
  const method = route.method !== 'ALL' && d.chance(0.5) ? route.method : d.pick(METHODS);
  const path = fillPath(d, route.path) + randomQuery(d);
  const { body, label } =
    method === 'GET' || method === 'HEAD' ? { body: null, label: 'no body' } : randomBody(d);
  const headers: Record<string, string> = {};
  const type = d.chance(0.5) ? 'application/json' : d.pick(CONTENT_TYPES);
  if (body && type) headers['content-type'] = type;
  if (caller) {
    headers.cookie = d.chance(0.9) ? caller.cookie : `hejie_session=${'A'.repeat(43)}`;
    const csrf = d.int(10);
    if (csrf < 7) headers['x-csrf-token'] = caller.csrf;
    else if (csrf < 9) headers['x-csrf-token'] = 'forged';
    // logging out would end the session the rest of the run relies on
    if (path.startsWith('/api/logout')) headers['x-csrf-token'] = 'forged';
  } else if (d.chance(0.2)) {
    headers.cookie = d.pick([
      'hejie_session=',
      'hejie_session=%ff',
      `hejie_session=${'x'.repeat(4000)}`,
      'a=b; hejie_session=1',
    ]);
  }
  if (d.chance(0.1)) headers.origin = 'https://evil.example';
  if (d.chance(0.1)) headers['x-forwarded-proto'] = 'https';
  if (d.chance(0.05)) headers['if-none-match'] = d.pick(['*', '"x"', 'W/"1"', '']);
  if (d.chance(0.05)) headers['accept-encoding'] = 'gzip, br, zstd';
  return {
    method,
    path,
    headers,
    body,
    label: `${method} ${path.slice(0, 120)} [${label}; ${type || 'no type'}]`,
  };
}

/** The malformed requests every route gets whatever the seed: bad paths and bad bodies, as `caller`. */
export function edgeRequests(routes: readonly Route[], caller: Caller | null): FuzzRequest[] {
  const auth: Record<string, string> = caller
    ? { cookie: caller.cookie, 'x-csrf-token': caller.csrf }
    : {};
  const json = { ...auth, 'content-type': 'application/json' };
  const bodies: [string, Buffer][] = [
    ['bad UTF-8', Buffer.from([0x7b, 0x22, 0x74, 0x6f, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ['broken JSON', Buffer.from('{"features":[')],
    ['nested 50000 deep', Buffer.from(`${'['.repeat(50_000)}${']'.repeat(50_000)}`)],
    ['2 MB', Buffer.from(JSON.stringify({ comment: 'x'.repeat(2 * 1024 * 1024) }))],
    ['a JSON string', Buffer.from('"x"')],
    ['JSON null', Buffer.from('null')],
  ];
  return routes.flatMap((route) => {
    const fill = (param: string) =>
      route.path
        .split('/')
        .map((seg) => (seg.startsWith(':') || seg === '*' ? param : seg))
        .join('/');
    const getter = route.method === 'ALL' ? 'GET' : route.method;
    const paths = ['%E0%A4%A', '%C3%28', '%FF', '%00'].map((bad) => ({
      method: getter,
      path: `${fill(bad)}?q=${bad}`,
      headers: auth,
      body: null,
      label: `${getter} ${fill(bad)} [bad percent-encoding]`,
    }));
    const sender = getter === 'GET' || getter === 'HEAD' ? 'POST' : getter;
    const withBodies = bodies.map(([label, body]) => ({
      method: sender,
      path: fill('city-01'),
      headers: json,
      body,
      label: `${sender} ${fill('city-01')} [${label}]`,
    }));
    return [...paths, ...withBodies];
  });
}

/**
 * Geometry that was saved with 201 and then failed with 500 (issue 17): lon −30, lat 89.99, two
 * 250,000-vertex lines (synthetic), properties 1,000 deep. Each must be refused at save with 400.
 */
export function unsavableGeometry(
  planId: string,
  baseVersion: number,
  caller: Caller,
): FuzzRequest[] {
  const toe = (coordinates: number[][], properties: Record<string, unknown> = {}) => ({
    type: 'Feature',
    properties: { reach: 'F1', role: 'toe-left', embankmentClass: 3, ...properties },
    geometry: { type: 'LineString', coordinates },
  });
  let deep: unknown = 1;
  for (let i = 0; i < 1000; i++) deep = { deep };
  const bodies: [string, unknown[]][] = [
    [
      'lon −30',
      [
        toe([
          [-30, 21.95],
          [108.6, 21.95],
        ]),
      ],
    ],
    [
      'lat 89.99',
      [
        toe([
          [108.6, 89.99],
          [108.61, 89.99],
        ]),
      ],
    ],
    ['2 × 250,000 vertices', syntheticPlan(250_000)],
    [
      'properties 1,000 deep',
      [
        toe(
          [
            [108.6, 21.95],
            [108.61, 21.95],
          ],
          { deep },
        ),
      ],
    ],
  ];
  return bodies.map(([label, features]) => ({
    method: 'PUT',
    path: `/api/plans/${planId}/geometry`,
    headers: {
      cookie: caller.cookie,
      'x-csrf-token': caller.csrf,
      'content-type': 'application/json',
      'accept-language': 'en',
    },
    body: Buffer.from(JSON.stringify({ features, baseVersion })),
    label: `PUT geometry [${label}]`,
  }));
}
