// The CJK faces the sheets embed (subset): HEJIE_FONT (a .ttf/.otf, or `file.ttc#PostScriptName`),
// else Debian's fonts-noto-cjk. Null when there is none (the caller says so; never empty boxes).
// Kept small on purpose: it goes once the documents' font finder (issue 13) is on main.
import { existsSync } from 'node:fs';

/** A font file and, for a collection (.ttc), the PostScript name of the face. */
export interface SheetFont {
  path: string;
  name?: string;
}

const NOTO = '/usr/share/fonts/opentype/noto';

/** The regular and bold faces, or null. */
export function findSheetFonts(
  env: string | undefined,
): { sans: SheetFont; bold: SheetFont } | null {
  if (env) {
    const hash = env.lastIndexOf('#');
    const ref = hash > 0 ? { path: env.slice(0, hash), name: env.slice(hash + 1) } : { path: env };
    return existsSync(ref.path) ? { sans: ref, bold: ref } : null;
  }
  const sans = { path: `${NOTO}/NotoSansCJK-Regular.ttc`, name: 'NotoSansCJKsc-Regular' };
  const bold = { path: `${NOTO}/NotoSansCJK-Bold.ttc`, name: 'NotoSansCJKsc-Bold' };
  if (!existsSync(sans.path)) return null;
  return { sans, bold: existsSync(bold.path) ? bold : sans };
}
