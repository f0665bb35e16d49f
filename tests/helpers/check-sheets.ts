// What a sheet PDF says, read back with poppler and checked against PROJ: how far each marker's
// symbol is from its GK position, which number labels overlap or cover a symbol, which numbers are
// missing. Shared by the tests (the sample reach) and the benchmark (the whole 南流江 course).
import type { Feature } from 'geojson';
import { cs2cs, type PdfWord, pdfWords } from './pdf-words';

/** Marker and notice-board numbers. */
const MARKER_ID = /^[A-Z0-9]+-(GL|BH|GSP)-[LR]-\d+$/;

/** Invisible anchors are drawn 0.01 mm high; everything readable is taller. */
export const anchorsOf = (words: PdfWord[]) => words.filter((w) => w.yMax - w.yMin < 0.05);
export const visibleOf = (words: PdfWord[]) => words.filter((w) => w.yMax - w.yMin >= 0.05);

/** Page position → GK metres, from the grid anchors of the page (E=… on top, N=… on the left). */
export function georefOf(words: PdfWord[]): {
  e: (x: number) => number;
  n: (y: number) => number;
  mPerMm: number;
  nPerMm: number;
} {
  const es = anchorsOf(words).filter((w) => w.text.startsWith('E='));
  const ns = anchorsOf(words).filter((w) => w.text.startsWith('N='));
  const [e0, e1] = [es[0] as PdfWord, es.at(-1) as PdfWord];
  const [n0, n1] = [ns[0] as PdfWord, ns.at(-1) as PdfWord];
  const v = (w: PdfWord) => Number(w.text.slice(2));
  const mPerMm = (v(e1) - v(e0)) / (e1.xMin - e0.xMin);
  const nPerMm = (v(n1) - v(n0)) / (n1.yMax - n0.yMax);
  return {
    e: (x) => v(e0) + (x - e0.xMin) * mPerMm,
    n: (y) => v(n0) + (y - n0.yMax) * nPerMm,
    mPerMm,
    nPerMm,
  };
}

/** Pairs of boxes that overlap (sweep along x). */
function overlappingWords(boxes: PdfWord[]): Array<[string, string]> {
  const s = [...boxes].sort((a, b) => a.xMin - b.xMin);
  const out: Array<[string, string]> = [];
  for (let i = 0; i < s.length; i++) {
    const a = s[i] as PdfWord;
    for (let j = i + 1; j < s.length && (s[j] as PdfWord).xMin < a.xMax; j++) {
      const b = s[j] as PdfWord;
      if (a.yMin < b.yMax && b.yMin < a.yMax) out.push([a.text, b.text]);
    }
  }
  return out;
}

/** The findings on a sheet PDF (its first page is the index sheet). */
export interface SheetFindings {
  pages: PdfWord[][];
  /** largest distance of a symbol from PROJ's GK position of its marker, mm on paper */
  worstMm: number;
  /** symbols checked (a marker on two sheets counts twice) */
  checked: number;
  overlaps: string[];
  /** a label covering a symbol (marker radius 0.8 mm, board 1.1 mm) */
  covered: string[];
  /** a marker on a sheet without its number there */
  unlabelled: string[];
  /** markers of the input whose number is on no sheet */
  missing: string[];
}

/** Reads a sheet PDF back and checks it against the markers (lon/lat) and PROJ. */
export function checkSheets(
  file: string,
  markers: readonly Feature[],
  crs: string,
  scale: number,
): SheetFindings {
  const pages = pdfWords(file);
  const ids = markers.map((m) => String(m.properties?.id));
  const proj = cs2cs(
    crs,
    markers.map((m) => (m.geometry as { coordinates: number[] }).coordinates),
  );
  const truth = new Map(ids.map((id, i) => [id, proj[i] as number[]]));
  const f: SheetFindings = {
    pages,
    worstMm: 0,
    checked: 0,
    overlaps: [],
    covered: [],
    unlabelled: [],
    missing: [],
  };
  const shown = new Set<string>();
  pages.slice(1).forEach((page, i) => {
    const g = georefOf(page);
    const symbols = anchorsOf(page).filter((w) => MARKER_ID.test(w.text));
    const labels = visibleOf(page).filter((w) => MARKER_ID.test(w.text));
    for (const [a, b] of overlappingWords(labels)) f.overlaps.push(`sheet ${i + 1}: ${a} × ${b}`);
    const here = new Set(labels.map((l) => l.text));
    for (const s of symbols) {
      const [e, n] = truth.get(s.text) as number[];
      const d =
        (Math.hypot(g.e(s.xMin) - (e as number), g.n(s.yMax) - (n as number)) * 1000) / scale;
      f.worstMm = Math.max(f.worstMm, d);
      f.checked++;
      if (!here.has(s.text)) f.unlabelled.push(`sheet ${i + 1}: ${s.text}`);
      const r = s.text.includes('-GSP-') ? 1.1 : 0.8;
      const hit = labels.find(
        (l) =>
          s.xMin > l.xMin - r && s.xMin < l.xMax + r && s.yMax > l.yMin - r && s.yMax < l.yMax + r,
      );
      if (hit) f.covered.push(`sheet ${i + 1}: ${hit.text} on ${s.text}`);
    }
    for (const l of labels) shown.add(l.text);
  });
  f.missing = ids.filter((id) => !shown.has(id));
  return f;
}
