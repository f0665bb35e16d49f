// The CJK fonts the PDF writer embeds (subset): found once. `HEJIE_FONT` overrides (a .ttf/.otf, or a
// .ttc followed by `#` and the PostScript name of the face, e.g. `…/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular`);
// else Debian's fonts-noto-cjk at its known paths; else what fontconfig names for Chinese. No font:
// null, and the document routes answer 503 (never a PDF of empty boxes).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A font file and, for a collection (.ttc), the PostScript name of the face to use. */
export interface FontRef {
  path: string;
  name?: string;
}

/** The faces the documents use: serif for 公文 text, sans for boards and tables, bold for headings. */
export interface CjkFonts {
  serif: FontRef;
  sans: FontRef;
  bold: FontRef;
}

const NOTO = '/usr/share/fonts/opentype/noto';
const KNOWN: CjkFonts = {
  serif: { path: `${NOTO}/NotoSerifCJK-Regular.ttc`, name: 'NotoSerifCJKsc-Regular' },
  sans: { path: `${NOTO}/NotoSansCJK-Regular.ttc`, name: 'NotoSansCJKsc-Regular' },
  bold: { path: `${NOTO}/NotoSansCJK-Bold.ttc`, name: 'NotoSansCJKsc-Bold' },
};

function parseRef(spec: string): FontRef {
  const hash = spec.lastIndexOf('#');
  return hash > 0 ? { path: spec.slice(0, hash), name: spec.slice(hash + 1) } : { path: spec };
}

function fontconfig(): FontRef | null {
  try {
    const out = execFileSync('fc-match', ['-f', '%{file}|%{postscriptname}', ':lang=zh'], {
      encoding: 'utf8',
      timeout: 5000,
    });
    const [path, name] = out.split('|');
    if (!path || !existsSync(path)) return null;
    return /\.tt[cf]$|\.otf$/i.test(path) ? { path, ...(name ? { name } : {}) } : null;
  } catch {
    return null;
  }
}

/** Finds the fonts: `env` (HEJIE_FONT), Debian's paths, fontconfig; null when there is none. */
export function findCjkFonts(env: string | undefined): CjkFonts | null {
  if (env) {
    const ref = parseRef(env);
    return existsSync(ref.path) ? { serif: ref, sans: ref, bold: ref } : null;
  }
  const { serif, sans, bold } = KNOWN;
  if (existsSync(sans.path)) {
    return {
      sans,
      serif: existsSync(serif.path) ? serif : sans,
      bold: existsSync(bold.path) ? bold : sans,
    };
  }
  const found = fontconfig();
  return found ? { serif: found, sans: found, bold: found } : null;
}
