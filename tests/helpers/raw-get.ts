// One GET over node:http, its bytes as sent (not decompressed): what fetch() hides (content-length,
// transfer-encoding, the gzip body). Used by the API tests and the benchmarks' reference server.
import { get, type IncomingHttpHeaders } from 'node:http';

/** One GET's raw bytes (not decompressed) and headers: what the reference server will answer. */
export function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Buffer; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => parts.push(b));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts), headers: res.headers }),
      );
    }).on('error', reject);
  });
}
