// `hejie import`: being written (issue 4).
export async function runImport(
  _args: string[],
  _out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  err('import: not available yet');
  return 1;
}
