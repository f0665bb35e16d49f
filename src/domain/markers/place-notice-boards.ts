/** A suggested notice board on a management line, before it is numbered. */
export interface BoardStation {
  chainageM: number;
  kind: 'end' | 'interval';
}

/**
 * Notice boards (公告牌) along one bank's management line: both ends, and the line split into
 * ceil(length / boardKm) equal parts, so boards are never more than boardKm apart.
 * @example placeNoticeBoards(12000, 5).map((b) => b.chainageM) // [0, 4000, 8000, 12000]
 */
export function placeNoticeBoards(lengthM: number, boardKm: number): BoardStation[] {
  if (!(lengthM > 0) || !(boardKm > 0))
    throw new Error('length and board spacing must be positive');
  const parts = Math.ceil(lengthM / (boardKm * 1000));
  const out: BoardStation[] = [{ chainageM: 0, kind: 'end' }];
  for (let k = 1; k < parts; k++) out.push({ chainageM: (lengthM * k) / parts, kind: 'interval' });
  out.push({ chainageM: lengthM, kind: 'end' });
  return out;
}
