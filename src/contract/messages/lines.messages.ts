// Messages of the editor's bank sides, classes and widths (issue 19).
// Codes are `lines.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'lines.line': '{reach}第 {n} 条线',
  'lines.side.left': '左岸',
  'lines.side.right': '右岸',
  'lines.note.opposite':
    '{a}与{b}流向相反：同一河段两岸的线应同向（自上游画向下游）。请对画反的那条按“反向”；在此之前两线岸别待定。',
  'lines.note.againstCourse': '{line}与河道流向相反（线应自上游画向下游）：请按“反向”。',
  'lines.note.disagrees':
    '{line}标为{stated}，但按它的位置和流向（线的方向）应在{inferred}：若岸别无误，请按“反向”改正流向，否则改为{inferred}。不按标注计算。',
  'lines.note.unclear': '{line}：无法从位置判断岸别（两线相交，或一个河段多于两条线）。',
  'lines.reach.oneLine':
    '{reach}只有一条线（{line}），岸别待定：请画出对岸的线，或为此线选定岸别。',
  'lines.class.missing': '{line}尚未选择堤防级别（或“无堤防”）：不以未经确认的默认值计算。',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'lines.line': '{reach}, line {n}',
  'lines.side.left': 'left bank',
  'lines.side.right': 'right bank',
  'lines.note.opposite':
    '{a} and {b} flow in opposite directions: both bank lines of a reach run the same way (upstream → downstream). Press "Reverse" on the one drawn the wrong way; until then both sides are undecided.',
  'lines.note.againstCourse':
    '{line} runs against the river’s course (draw upstream → downstream): press "Reverse".',
  'lines.note.disagrees':
    '{line} is marked {stated}, but its position and flow (the line’s direction) put it on the {inferred}: if the side is right, press "Reverse" to correct the flow; otherwise change it to the {inferred}. Not computed from the marking.',
  'lines.note.unclear':
    '{line}: the side cannot be told from the position (the lines cross, or a reach has more than two lines).',
  'lines.reach.oneLine':
    '{reach} has one line only ({line}); its side is undecided: draw the other bank’s line, or choose the side of this one.',
  'lines.class.missing':
    '{line} has no embankment class chosen yet (or "no embankment"): nothing is computed from a default nobody confirmed.',
};
