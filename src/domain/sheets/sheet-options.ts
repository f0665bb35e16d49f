// The options of a sheet set (scale, paper, orientation, texts), checked once at the boundary.
import { type Message, msg } from '../message';

/** The scales a sheet set is made at (1:n). */
export const SHEET_SCALES = [2000, 5000, 10000] as const;
/** The paper sizes. */
export const SHEET_PAPERS = ['A3', 'A1', 'A0', '50x50'] as const;
/** The orientations (`auto`: the one that needs fewer sheets). */
export const SHEET_ORIENTATIONS = ['auto', 'landscape', 'portrait'] as const;

/** What a sheet set is made with. */
export interface SheetOptions {
  scale: (typeof SHEET_SCALES)[number];
  paper: (typeof SHEET_PAPERS)[number];
  orientation: (typeof SHEET_ORIENTATIONS)[number];
  /** the river's name for the title (图名 = river + 管理范围划定成果图), or a whole title given by the user */
  title?: string;
  /** 制图单位; empty prints 尚未设置 */
  unit?: string;
  /** 制图日期, YYYY-MM-DD */
  date: string;
  /** version and short hash of what the sheets show, e.g. `第 2 版 · 3f9a1c0d` */
  version: string;
  /** the public set: no grid values, no coordinate anchors */
  public: boolean;
  /** an imagery layer under the map (影像底图): its credit as the sheet prints it */
  imagery?: { credit: string };
}

/**
 * Checks and completes sheet options given as text (CLI flags, query parameters).
 * @example resolveSheetOptions({ scale: '5000' }, { date: '2026-12-03', version: 'v1' }) // { ok: true, options: { scale: 5000, paper: 'A3', … } }
 */
export function resolveSheetOptions(
  given: { scale?: string; paper?: string; orientation?: string; title?: string; unit?: string },
  fixed: { date: string; version: string; public?: boolean },
): { ok: true; options: SheetOptions } | { ok: false; errors: Message[] } {
  const errors: Message[] = [];
  const scale = Number(given.scale ?? 2000);
  if (!(SHEET_SCALES as readonly number[]).includes(scale))
    errors.push(
      msg('sheets.option.scale', { got: given.scale ?? '', allowed: SHEET_SCALES.join('|') }),
    );
  const paper = given.paper ?? 'A3';
  if (!(SHEET_PAPERS as readonly string[]).includes(paper))
    errors.push(msg('sheets.option.paper', { got: paper, allowed: SHEET_PAPERS.join('|') }));
  const orientation = given.orientation ?? 'auto';
  if (!(SHEET_ORIENTATIONS as readonly string[]).includes(orientation))
    errors.push(
      msg('sheets.option.orientation', { got: orientation, allowed: SHEET_ORIENTATIONS.join('|') }),
    );
  if (given.title !== undefined && (given.title.trim() === '' || given.title.length > 60))
    errors.push(msg('sheets.option.title', { max: 60 }));
  if (given.unit !== undefined && given.unit.length > 60)
    errors.push(msg('sheets.option.unit', { max: 60 }));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    options: {
      scale: scale as SheetOptions['scale'],
      paper: paper as SheetOptions['paper'],
      orientation: orientation as SheetOptions['orientation'],
      ...(given.title ? { title: given.title.trim() } : {}),
      ...(given.unit?.trim() ? { unit: given.unit.trim() } : {}),
      date: fixed.date,
      version: fixed.version,
      public: fixed.public ?? false,
    },
  };
}
