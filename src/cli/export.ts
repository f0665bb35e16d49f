// `hejie export`: being written (issue 4).
export async function runExport(
  _args: string[],
  _out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  err('export: not available yet');
  return 1;
}
