// The zone figure (划界成果示意图) of a publication as vector items in paper millimetres: the zones and
// their boundary lines projected from lon/lat into the plan's 3° Gauss-Krüger zone, fitted to a box,
// with a scale bar. The same figure is drawn in the PDF and, as SVG turned into PNG, in the DOCX.
import type { Feature, FeatureCollection, Position } from 'geojson';
import { projector, zoneOfPositions } from '../crs/crs';
import type { DocFigure, FigureItem, FigureStyle } from './document-model';

type XY = [number, number];

const ZONE_STYLE: Record<string, FigureStyle> = {
  management: 'management',
  protection: 'protection',
  'management-line': 'management-line',
  'protection-line': 'protection-line',
};

/** Every position of the zones' polygons and lines and of the boards (loops: no spread of large arrays). */
function positionsOf(features: readonly Feature[]): Position[] {
  const out: Position[] = [];
  const add = (ps: readonly Position[]) => {
    for (const p of ps) out.push(p);
  };
  for (const f of features) {
    const g = f.geometry;
    if (g?.type === 'LineString') add(g.coordinates);
    else if (g?.type === 'Polygon') for (const ring of g.coordinates) add(ring);
    else if (g?.type === 'MultiPolygon')
      for (const poly of g.coordinates) for (const ring of poly) add(ring);
    else if (g?.type === 'Point') out.push(g.coordinates);
  }
  return out;
}

/** A round length for the scale bar: 1, 2 or 5 × 10ⁿ metres, at most `maxM`. */
function niceLength(maxM: number): number {
  const p = 10 ** Math.floor(Math.log10(maxM));
  return [5, 2, 1].map((k) => k * p).find((v) => v <= maxM) ?? p;
}

const LEGEND: DocFigure['legend'] = [
  { style: 'management', label: '管理范围' },
  { style: 'protection', label: '堤防安全保护区' },
  { style: 'management-line', label: '管理范围线' },
  { style: 'protection-line', label: '保护范围线' },
  { style: 'board', label: '公告牌' },
];

const r2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * The figure of a publication's zones, lines and notice boards in a box `widthMm` wide and at most
 * `maxHeightMm` high (north up, one scale in both axes), in the GK zone of the data; null when there
 * is nothing to draw.
 * @example buildZoneFigure(publication.zones, publication.markers, 160, 120, '图1')?.scale.label // '200 m'
 */
export function buildZoneFigure(
  zones: FeatureCollection,
  markers: FeatureCollection,
  widthMm: number,
  maxHeightMm: number,
  caption: string,
): DocFigure | null {
  const drawn = zones.features.filter((f) => ZONE_STYLE[String(f.properties?.kind)]);
  const boards = markers.features.filter((f) => f.properties?.markerType === 'notice-board');
  const all = positionsOf([...drawn, ...boards]);
  if (all.length === 0) return null;
  const proj = projector(zoneOfPositions(all).code);
  let [minE, minN, maxE, maxN] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of all) {
    const [e, n] = proj.forward(p);
    [minE, minN, maxE, maxN] = [
      Math.min(minE, e),
      Math.min(minN, n),
      Math.max(maxE, e),
      Math.max(maxN, n),
    ];
  }
  const pad = 12; // mm kept free around the drawing for the scale bar, north arrow and labels
  const k = Math.min(
    (widthMm - 2 * pad) / Math.max(maxE - minE, 1),
    (maxHeightMm - 2 * pad) / Math.max(maxN - minN, 1),
  );
  // no taller than the drawing needs: a reach running east–west takes a low box
  const heightMm = Math.min(maxHeightMm, Math.max((maxN - minN) * k + 2 * pad, widthMm / 3));
  // centred in the box, north up (paper y grows downwards)
  const ox = (widthMm - (maxE - minE) * k) / 2;
  const oy = (heightMm - (maxN - minN) * k) / 2;
  const paper = (p: Position): XY => {
    const [e, n] = proj.forward(p);
    return [r2(ox + (e - minE) * k), r2(oy + (maxN - n) * k)];
  };
  const items: FigureItem[] = [];
  // polygons first (protection under management), then lines, then boards on top
  for (const kind of ['protection', 'management'] as const) {
    for (const f of drawn.filter((z) => z.properties?.kind === kind)) {
      const g = f.geometry;
      const polys =
        g.type === 'MultiPolygon' ? g.coordinates : g.type === 'Polygon' ? [g.coordinates] : [];
      for (const poly of polys)
        items.push({ kind: 'polygon', style: kind, rings: poly.map((ring) => ring.map(paper)) });
    }
  }
  for (const f of drawn) {
    if (f.geometry.type !== 'LineString') continue;
    const style = ZONE_STYLE[String(f.properties?.kind)] as FigureStyle;
    items.push({ kind: 'line', style, points: f.geometry.coordinates.map(paper) });
  }
  for (const b of boards) {
    if (b.geometry.type !== 'Point') continue;
    items.push({
      kind: 'point',
      style: 'board',
      at: paper(b.geometry.coordinates),
      label: String(b.properties?.id ?? ''),
    });
  }
  const metres = niceLength(widthMm / 4 / k);
  return {
    kind: 'figure',
    widthMm,
    heightMm,
    items,
    scale: {
      lengthMm: r2(metres * k),
      label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m`,
    },
    legend: LEGEND.filter((l) => items.some((i) => i.style === l.style)),
    caption,
  };
}
