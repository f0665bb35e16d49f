// A figure of the document model as SVG (millimetre user units), the same drawing the PDF writer
// makes: the DOCX embeds it as a PNG rendered by sharp.
import sharp from 'sharp';
import { type DocFigure, FIGURE_STYLES } from '../../domain/documents/document-model';

const esc = (s: string): string =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
const pts = (ps: [number, number][]): string => ps.map((p) => `${p[0]},${p[1]}`).join(' ');

/** The figure as an SVG document, `legendMm` taller for the legend under it. */
function figureSvg(fig: DocFigure): string {
  const legendMm = 8;
  const body = fig.items.map((item) => {
    const s = FIGURE_STYLES[item.style];
    if (item.kind === 'polygon') {
      const d = item.rings.map((r) => `M${pts(r).replaceAll(' ', 'L')}Z`).join('');
      return `<path d="${d}" fill="${s.fill}" fill-opacity="0.6" fill-rule="evenodd" stroke="${s.stroke}" stroke-width="0.15"/>`;
    }
    if (item.kind === 'line')
      return `<polyline points="${pts(item.points)}" fill="none" stroke="${s.stroke}" stroke-width="0.35"/>`;
    return `<rect x="${item.at[0] - 0.9}" y="${item.at[1] - 0.9}" width="1.8" height="1.8" fill="${s.fill ?? s.stroke}"/>`;
  });
  const { widthMm: w, heightMm: h } = fig;
  let lx = 0;
  const legend = fig.legend.map((l) => {
    const s = FIGURE_STYLES[l.style];
    const mark = s.fill
      ? `<rect x="${lx}" y="${h + 2.5}" width="4" height="3" fill="${s.fill}" stroke="${s.stroke}" stroke-width="0.2"/>`
      : `<line x1="${lx}" y1="${h + 4}" x2="${lx + 4}" y2="${h + 4}" stroke="${s.stroke}" stroke-width="0.5"/>`;
    const out = `${mark}<text x="${lx + 5}" y="${h + 5.4}" font-size="3.2" font-family="Noto Sans CJK SC, sans-serif">${esc(l.label)}</text>`;
    lx += 7 + l.label.length * 3.3;
    return out;
  });
  const scale = `<line x1="6" y1="${h - 5}" x2="${6 + fig.scale.lengthMm}" y2="${h - 5}" stroke="#000" stroke-width="0.4"/><text x="6" y="${h - 6.5}" font-size="3" font-family="Noto Sans CJK SC, sans-serif">${esc(fig.scale.label)}</text>`;
  const north = `<path d="M${w - 8},6 L${w - 11},14 L${w - 5},14 Z" fill="#000"/><text x="${w - 9.5}" y="18" font-size="3" font-family="Noto Sans CJK SC, sans-serif">北</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}mm" height="${h + legendMm}mm" viewBox="0 0 ${w} ${h + legendMm}"><rect x="0" y="0" width="${w}" height="${h + legendMm}" fill="#fff"/><rect x="0.1" y="0.1" width="${w - 0.2}" height="${h - 0.2}" fill="none" stroke="#333" stroke-width="0.2"/>${body.join('')}${scale}${north}${legend.join('')}</svg>`;
}

/**
 * The figure as a PNG at `dpi`, with its size in pixels.
 * @example (await figurePng(figure, 200)).width // 1260
 */
export async function figurePng(
  fig: DocFigure,
  dpi: number,
): Promise<{ png: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(Buffer.from(figureSvg(fig)), { density: dpi })
    .png({ compressionLevel: 9 })
    .toBuffer({ resolveWithObject: true });
  return { png: new Uint8Array(data), width: info.width, height: info.height };
}
