// `hejie store copy --from <sqlite file> --to <postgres url>`: a bureau's SQLite store moved into an
// empty PostgreSQL database, verified table by table (src/server/store/copy-to-pg.ts).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '../contract/messages/lang';
import { renderMessage } from '../contract/messages/render';
import { type Message, msg } from '../domain/message';
import { shownUrl } from './synth';

type Io = { out: (s: string) => void; err: (s: string) => void; lang: Lang };

/** `store copy …`: copies, prints every table's rows and hash, or why nothing was copied. */
export async function runStore(args: string[], { out, err, lang }: Io): Promise<number> {
  const say = (m: Message) => renderMessage(m, lang);
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: { from: { type: 'string' }, to: { type: 'string' } },
  });
  if (sub !== 'copy' || !values.from || !values.to || !/^postgres(ql)?:\/\//.test(values.to)) {
    err(say(msg('cli.usage', { syntax: say(msg('storeCopy.usage')) })));
    return 2;
  }
  const from = resolve(values.from);
  if (!existsSync(from)) {
    err(say(msg('storeCopy.noSource', { path: from })));
    return 1;
  }
  const [{ copyToPg }, { StoreError }] = await Promise.all([
    import('../server/store/copy-to-pg'),
    import('../server/store/store-error'),
  ]);
  const t0 = performance.now();
  try {
    const r = await copyToPg(from, values.to);
    if (!r.ok) {
      err(say(r.error));
      return 1;
    }
    for (const t of r.tables) out(say(msg('storeCopy.table', { ...t })));
    const rows = r.tables.reduce((a, t) => a + t.rows, 0);
    const seconds = Math.round((performance.now() - t0) / 100) / 10;
    const to = shownUrl(values.to);
    out(say(msg('storeCopy.done', { tables: r.tables.length, rows, from, to, seconds })));
    return 0;
  } catch (e) {
    err(e instanceof StoreError ? say(e.detail) : (e as Error).message);
    return 1;
  }
}
