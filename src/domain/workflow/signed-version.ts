// Which version may be published: exactly the one the river chief signed at 审核确定 and at 成果文件制作与验收
// (the law's point: the published boundary is the reviewed one).
import { type Message, msg } from '../message';
import { type StageId, stageIndex } from './stages';

/** A stage move as the rule reads it: the version is the newest saved one when the move was made. */
export interface SignedMove {
  from: StageId;
  to: StageId;
  actor: string;
  at: string;
  version: number | null;
}

/** The two sign-offs a publication needs: into 审核确定 and into 成果文件制作与验收. */
const SIGN_OFFS = { review: 'review', acceptance: 'deliverables' } as const;

/** A sign-off found in the stage history. */
export interface SignOff {
  version: number;
  by: string;
  at: string;
}

/** The publishable version and its sign-offs, or why there is none. */
export type SignedVersion =
  | { ok: true; version: number; review: SignOff; acceptance: SignOff }
  | { ok: false; reason: Message };

/**
 * The chief's latest forward move into `stage`, if no send-back out of it or past it came later
 * (a plan sent back from 公告实施 to 成果文件制作与验收 has to be signed again).
 */
function lastSignOff(moves: readonly SignedMove[], stage: StageId): SignOff | 'unsigned' {
  for (let i = moves.length - 1; i >= 0; i--) {
    const m = moves[i] as SignedMove;
    const back = stageIndex(m.to) < stageIndex(m.from);
    if (back && stageIndex(m.to) <= stageIndex(stage)) return 'unsigned';
    if (m.to === stage && !back)
      return m.version === null ? 'unsigned' : { version: m.version, by: m.actor, at: m.at };
  }
  return 'unsigned';
}

/** The chief's standing sign-offs of a plan: null where there is none (or a send-back undid it). */
export interface SignOffs {
  review: SignOff | null;
  acceptance: SignOff | null;
}

/**
 * The standing sign-offs at 审核确定 and 成果文件制作与验收, as the plan panel shows them.
 * @example signOffs(moves) // { review: { version: 3, by: 'gaopu', … }, acceptance: null }
 */
export function signOffs(moves: readonly SignedMove[]): SignOffs {
  const review = lastSignOff(moves, SIGN_OFFS.review);
  const acceptance = lastSignOff(moves, SIGN_OFFS.acceptance);
  return {
    review: review === 'unsigned' ? null : review,
    acceptance: acceptance === 'unsigned' ? null : acceptance,
  };
}

/**
 * The version that passed both sign-offs, which must also be the newest saved one: a version saved
 * after the chief signed is refused, naming both versions and what to do.
 * @example signedVersion(moves, 3) // { ok: true, version: 3, review: { by: 'gaopu', … }, … }
 */
export function signedVersion(
  moves: readonly SignedMove[],
  latestVersion: number | null,
): SignedVersion {
  if (latestVersion === null) return { ok: false, reason: msg('signoff.noVersion') };
  const { review, acceptance } = signOffs(moves);
  if (review === null)
    return { ok: false, reason: msg('signoff.reviewMissing', { latest: latestVersion }) };
  if (acceptance === null)
    return { ok: false, reason: msg('signoff.acceptanceMissing', { latest: latestVersion }) };
  if (review.version !== acceptance.version)
    return {
      ok: false,
      reason: msg('signoff.mismatch', { review: review.version, acceptance: acceptance.version }),
    };
  if (latestVersion !== acceptance.version)
    return {
      ok: false,
      reason: msg('signoff.newerVersion', {
        signed: acceptance.version,
        latest: latestVersion,
        by: acceptance.by,
      }),
    };
  return { ok: true, version: acceptance.version, review, acceptance };
}
