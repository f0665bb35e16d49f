// `hejie markers`: being written (issue 4).
export async function runMarkers(
  _args: string[],
  _out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  err('markers: not available yet');
  return 1;
}
