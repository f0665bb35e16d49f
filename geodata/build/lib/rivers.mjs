// rivers.geojson: WDB II river lines from GSHHG, merged per level, clipped; 南流江 identified.
import {
  clipLine,
  dedupe,
  lineLengthM,
  linesToAreaDistanceM,
  pointLineDistanceM,
  roundPosition,
} from './geometry.mjs';
import { gmt, levelOf, parseMultisegment } from './gmt.mjs';
import { mergeLines } from './merge-lines.mjs';
import { CLIP, GMT_REGION, LICENCE, SOURCE } from './sources.mjs';
import { feature } from './write-geojson.mjs';

// Anchors for identifying 南流江 (approximate town centres, WGS84).
const YULIN = [110.16, 22.63]; // 玉林市区, which 南流江 flows through
const HEPU = [109.2, 21.66]; // 合浦县城 廉州镇, which it flows past to its delta
const ANCHOR_KM = { yulin: 10, hepu: 10 };
const NEAR_COUNTY_M = 1000;

const NANLIU_NOTE =
  'WDB II course (generalised, ~1:3M class): the lower reach toward 合浦 lies a few km off the real channel; a base map, not a survey line.';

/** All WDB II river lines gmt returns for the region (whole 1° bins), merged per level. */
export function readRiverChains() {
  const segments = parseMultisegment(gmt(['coast', GMT_REGION, '-Dfull', '-Ia', '-M']));
  const levels = [...new Set(segments.map((s) => levelOf(s.header)))].sort((a, b) => a - b);
  return levels.flatMap((level) => {
    const lines = segments
      .filter((s) => levelOf(s.header) === level)
      .map((s) => dedupe(s.points.map(roundPosition)))
      .filter((l) => l.length >= 2);
    return mergeLines(lines).map((line) => ({ level, line }));
  });
}

/** The one chain that runs from 玉林 past 合浦 to the coast, oriented upstream → downstream. */
function findNanliu(chains, shoreChains) {
  const near = (line, p) => pointLineDistanceM(p, line) / 1000;
  const candidates = chains.filter(
    ({ line }) => near(line, YULIN) <= ANCHOR_KM.yulin && near(line, HEPU) <= ANCHOR_KM.hepu,
  );
  if (candidates.length !== 1) {
    throw new Error(
      `南流江: expected one WDB II line past 玉林 and 合浦, found ${candidates.length}`,
    );
  }
  const chain = candidates[0];
  const toCoast = (p) => Math.min(...shoreChains.map((s) => pointLineDistanceM(p, s))) / 1000;
  const first = toCoast(chain.line[0]);
  const last = toCoast(chain.line[chain.line.length - 1]);
  const line = last <= first ? chain.line : [...chain.line].reverse();
  const mouthKm = Math.min(first, last);
  if (mouthKm > 5)
    throw new Error(`南流江: its WDB II line ends ${mouthKm.toFixed(1)} km from the GSHHG coast`);
  return {
    chain,
    line,
    figures: {
      yulinKm: near(line, YULIN),
      hepuKm: near(line, HEPU),
      mouthKm,
      lengthKm: lineLengthM(line) / 1000,
    },
  };
}

const lineGeometry = (pieces) =>
  pieces.length === 1
    ? { type: 'LineString', coordinates: pieces[0] }
    : { type: 'MultiLineString', coordinates: pieces };

const clipped = (line) =>
  clipLine(line, CLIP)
    .map((piece) => dedupe(piece.map(roundPosition)))
    .filter((p) => p.length >= 2);

/**
 * River features in the clip box: 南流江 first (one feature, upstream → downstream), then the
 * other lines per level, unnamed, with ids wdb2-L<level>-<n> in gmt's order.
 */
export function buildRivers(shoreChains, counties) {
  const chains = readRiverChains();
  const nanliu = findNanliu(chains, shoreChains);
  const nanliuPieces = clipped(nanliu.line);
  const near = counties.filter(
    (c) => linesToAreaDistanceM(nanliuPieces, c.geometry) <= NEAR_COUNTY_M,
  );
  const f = nanliu.figures;
  const identifiedBy =
    `The only WDB II river line that passes both 玉林 (${f.yulinKm.toFixed(1)} km from 110.16E 22.63N) and 合浦 ` +
    `(${f.hepuKm.toFixed(1)} km from 109.20E 21.66N) and reaches the GSHHG coast (${f.mouthKm.toFixed(1)} km), ` +
    'i.e. the course of 南流江; oriented so that it ends at its mouth.';
  const features = [
    feature(
      'nanliujiang',
      {
        riverId: 'nanliujiang',
        name: '南流江',
        counties: near.map((c) => c.properties.adcode),
        identifiedBy,
        note: NANLIU_NOTE,
        level: nanliu.chain.level,
        source: SOURCE.rivers,
        licence: LICENCE.wdb2,
      },
      lineGeometry(nanliuPieces),
    ),
  ];
  const counters = new Map();
  for (const chain of chains) {
    if (chain === nanliu.chain) continue;
    const pieces = clipped(chain.line);
    if (pieces.length === 0) continue;
    const n = counters.get(chain.level) ?? 0;
    counters.set(chain.level, n + 1);
    const properties = {
      riverId: null,
      name: null,
      level: chain.level,
      source: SOURCE.rivers,
      licence: LICENCE.wdb2,
    };
    features.push(feature(`wdb2-L${chain.level}-${n}`, properties, lineGeometry(pieces)));
  }
  return { features, figures: { ...f, counties: near.map((c) => c.properties.adcode) } };
}
