// Reading a PDF back with poppler (Debian poppler-utils): every word with its box, per page, in
// millimetres from the page's top-left corner (what `pdftotext -bbox` prints, in points).
import { execFileSync } from 'node:child_process';

/** A word on a page and its box, mm. */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const MM = 25.4 / 72;

/** The words of every page (pdftotext -bbox). */
export function pdfWords(file: string): PdfWord[][] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 512 * 2 ** 20,
  });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        text: (m[5] as string)
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'")
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
        xMin: Number(m[1]) * MM,
        yMin: Number(m[2]) * MM,
        xMax: Number(m[3]) * MM,
        yMax: Number(m[4]) * MM,
      })),
    );
}

/** PROJ's projection of lon/lat points (cs2cs EPSG:4490 → code): [E, N] each. */
export function cs2cs(code: string, lonlats: readonly number[][]): number[][] {
  const input = lonlats.map((p) => `${p[1]} ${p[0]}`).join('\n');
  const out = execFileSync('cs2cs', ['-f', '%.4f', 'EPSG:4490', code], { input, encoding: 'utf8' });
  // EPSG:4545/4546 axis order is northing, easting
  return out
    .trim()
    .split('\n')
    .map((l) => {
      const [n, e] = l.split(/\s+/).map(Number);
      return [e as number, n as number];
    });
}
