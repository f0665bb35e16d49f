// `hejie synth --plans 5000 --km 50000 --seed N (--out <sqlite file> | --to <postgres url>)`: a
// synthetic province for tests and benchmarks (src/domain/synth), written through the store.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '../contract/messages/lang';
import { renderMessage } from '../contract/messages/render';
import { type Message, msg } from '../domain/message';
import { synthProvince } from '../domain/synth/synth-province';

type Io = { out: (s: string) => void; err: (s: string) => void; lang: Lang };

/** A database URL as it may be shown: its host, port and database, never its password. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//');
  }
}

/** `synth …`: generates the province, writes it, prints what was written. */
export async function runSynth(args: string[], { out, err, lang }: Io): Promise<number> {
  const say = (m: Message) => renderMessage(m, lang);
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      plans: { type: 'string' },
      km: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      to: { type: 'string' },
      force: { type: 'boolean' },
    },
  });
  if (!values.plans || !values.km || !values.seed || !values.out === !values.to) {
    err(say(msg('cli.usage', { syntax: say(msg('synth.usage')) })));
    return 2;
  }
  const t0 = performance.now();
  const generated = synthProvince({
    plans: Number(values.plans),
    km: Number(values.km),
    seed: Number(values.seed),
  });
  if (!generated.ok) {
    err(say(generated.error));
    return 2;
  }
  const [
    { openSqliteStore },
    { openPgStore },
    { createComputePool },
    { writeSynthProvince },
    { StoreError },
  ] = await Promise.all([
    import('../server/store/sqlite-store'),
    import('../server/store/pg-store'),
    import('../server/compute/compute-pool'),
    import('../server/write-synth-province'),
    import('../server/store/store-error'),
  ]);
  const target = values.to ? shownUrl(values.to) : resolve(values.out as string);
  let now = new Date();
  const clock = () => now;
  let store: Awaited<ReturnType<typeof openPgStore>>;
  try {
    store = values.to ? await openPgStore(values.to, clock) : openSqliteStore(target, clock);
  } catch (e) {
    err(e instanceof StoreError ? say(e.detail) : (e as Error).message);
    return 1;
  }
  const compute = createComputePool({ budgetMs: 600_000, queueLimit: 64 });
  try {
    const written = await writeSynthProvince(generated.province, {
      store,
      compute,
      setNow: (at) => {
        now = at;
      },
      force: values.force === true,
    });
    if (!written.ok) {
      err(say(written.error));
      return 1;
    }
    const km = generated.province.plans.reduce((a, p) => a + p.lengthM, 0) / 1000;
    out(
      say(
        msg('synth.done', {
          plans: written.plans,
          km: Math.round(km),
          published: written.published,
          target,
          seconds: Math.round((performance.now() - t0) / 100) / 10,
        }),
      ),
    );
    return 0;
  } finally {
    await compute.close();
    await store.close();
  }
}
