// `hejie imagery add <file> --name <layer> [--public]`: adds an orthophoto or a tile archive to the
// data directory's imagery, converting a GeoTIFF in the foreground with its progress on stderr.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { imageryAddBody } from '../contract/imagery';
import type { Lang } from '../contract/messages/lang';
import { renderMessage } from '../contract/messages/render';
import { type Message, msg } from '../domain/message';
import { readEnv } from '../server/config';
import { deploymentRegion } from '../server/imagery/deployment-region';
import { imageryLibrary } from '../server/imagery/imagery-library';
import { openRegister } from '../server/open-register';

const ROOT = resolve(import.meta.dirname, '../..');

/** What the command needs from outside. */
interface ImageryIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  lang: Lang;
}

/** Runs `imagery add`; returns the exit code. */
export async function runImagery(args: string[], io: ImageryIo): Promise<number> {
  const say = (m: Message) => renderMessage(m, io.lang);
  const parsed = (() => {
    try {
      return parseArgs({
        args,
        allowPositionals: true,
        options: {
          name: { type: 'string' },
          date: { type: 'string' },
          source: { type: 'string' },
          resolution: { type: 'string' },
          public: { type: 'boolean' },
        },
      });
    } catch {
      return null;
    }
  })();
  const [verb, file, ...extra] = parsed?.positionals ?? [];
  if (!parsed || verb !== 'add' || !file || extra.length > 0) {
    io.err(say(msg('imagery.cli.usage')));
    return 2;
  }
  const { public: isPublic, ...fields } = parsed.values;
  const body = imageryAddBody.safeParse(fields);
  if (!body.success) {
    io.err(say(msg('imagery.cli.usage')));
    return 2;
  }
  const cfg = readEnv(io.env);
  const { store, geodata } = await openRegister(ROOT, cfg, 'cli');
  const library = imageryLibrary({
    dir: join(cfg.dataDir, 'imagery'),
    store,
    region: deploymentRegion(geodata.dir),
    clock: cfg.clock,
  });
  try {
    const added = await library.add(
      { ...body.data, path: resolve(file), public: isPublic ?? false },
      'cli',
    );
    if (!added.ok) {
      io.err(say(added.reason));
      return 1;
    }
    let shown = -1;
    const timer = setInterval(() => {
      const job = library.jobs()[0];
      const percent = Math.floor((job?.progress ?? 0) * 100);
      if (percent !== shown) io.err(say(msg('imagery.cli.progress', { percent })));
      shown = percent;
    }, 1000);
    const job = await library.wait(added.job.id).finally(() => clearInterval(timer));
    const layer = (await store.listImagery()).find((l) => l.id === job?.layerId);
    if (job?.state !== 'done' || !layer) {
      io.err(`${say(msg('imagery.job.failed'))}${job?.error ? `: ${job.error}` : ''}`);
      return 1;
    }
    io.out(
      say(
        msg('imagery.cli.added', {
          id: layer.id,
          name: layer.name,
          bounds: layer.bounds.map((v) => v.toFixed(6)).join(','),
          minzoom: layer.minzoom,
          maxzoom: layer.maxzoom,
          visibility: msg(layer.public ? 'imagery.visibility.public' : 'imagery.visibility.staff'),
        }),
      ),
    );
    return 0;
  } finally {
    library.close();
    await store.close();
  }
}
