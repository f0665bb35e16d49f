// Marker numbers: `<reach code>-<GL|BH>-<L|R>-<seq>` (界桩) and `<reach code>-GSP-<L|R>-<seq>` (公告牌).
import type { MarkerProperties } from './marker';

/** A waterbody as geodata/waterbodies.json lists it (only what the codes need). */
export interface WaterbodyCode {
  id: string;
  name: string;
  code: string;
  aliases?: readonly string[];
}

/** Gives the code a reach's numbers start with, e.g. `QJ01`. */
export type CodeFor = (reach: string, river: string | null) => string;

const LINE_CODE = { management: 'GL', protection: 'BH' } as const;
const BANK_CODE = { left: 'L', right: 'R' } as const;

/**
 * The number of a boundary marker (3-digit sequence) or notice board (2-digit).
 * @example markerId('QJ01', 'boundary', 'management', 'left', 1) // 'QJ01-GL-L-001'
 */
export function markerId(
  code: string,
  type: MarkerProperties['markerType'],
  line: MarkerProperties['line'],
  bank: MarkerProperties['bank'],
  seq: number,
): string {
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`sequence must be a positive integer`);
  if (type === 'notice-board')
    return `${code}-GSP-${BANK_CODE[bank]}-${String(seq).padStart(2, '0')}`;
  return `${code}-${LINE_CODE[line]}-${BANK_CODE[bank]}-${String(seq).padStart(3, '0')}`;
}

/**
 * Reach codes for the reaches of one input, in order of first appearance: a waterbody's code
 * (matched on the reach's `river` = waterbody id, name or alias) + the 2-digit ordinal of the reach
 * among that river's reaches; otherwise the reach id's letters and digits in upper case
 * (`R` + its ordinal in the file when it has none).
 * @example reachCoder([{ id: 'qinjiang', name: '钦江', code: 'QJ' }], [{ reach: 'a', river: '钦江' }])('a', '钦江') // 'QJ01'
 */
export function reachCoder(
  waterbodies: readonly WaterbodyCode[],
  reaches: readonly { reach: string; river: string | null }[],
): CodeFor {
  const riverCode = new Map<string, string>();
  for (const w of waterbodies) {
    for (const key of [w.id, w.name, ...(w.aliases ?? [])]) riverCode.set(key, w.code);
  }
  const codes = new Map<string, string>();
  const perRiver = new Map<string, number>();
  for (const { reach, river } of reaches) {
    if (codes.has(reach)) continue;
    const rc = river === null ? undefined : riverCode.get(river);
    if (rc) {
      const n = (perRiver.get(rc) ?? 0) + 1;
      perRiver.set(rc, n);
      codes.set(reach, `${rc}${String(n).padStart(2, '0')}`);
    } else {
      const own = reach.toUpperCase().replace(/[^A-Z0-9]/g, '');
      codes.set(reach, own || `R${String(codes.size + 1).padStart(2, '0')}`);
    }
  }
  return (reach) => {
    const code = codes.get(reach);
    if (!code) throw new Error(`reach ${reach} was not among the reaches the coder was built for`);
    return code;
  };
}

const TYPE_ORDER = { boundary: 0, 'notice-board': 1 } as const;
const LINE_ORDER = { management: 0, protection: 1 } as const;
const BANK_ORDER = { left: 0, right: 1 } as const;

/**
 * The order markers are listed in: reach, boundary markers before notice boards, management
 * before protection line, left before right bank, sequence.
 * @example markers.toSorted((a, b) => compareMarkers(a.properties, b.properties))
 */
export function compareMarkers(a: MarkerProperties, b: MarkerProperties): number {
  if (a.reach !== b.reach) return a.reach < b.reach ? -1 : 1;
  return (
    TYPE_ORDER[a.markerType] - TYPE_ORDER[b.markerType] ||
    LINE_ORDER[a.line] - LINE_ORDER[b.line] ||
    BANK_ORDER[a.bank] - BANK_ORDER[b.bank] ||
    a.seq - b.seq
  );
}
