// The imagery library: the tile archives under `<data>/imagery/`, their records in the store, and
// the conversion jobs. A GeoTIFF becomes an MBTiles file in a background job whose state (the job's
// JSON and the half-built archive) lives in `<data>/imagery/jobs/`, so a restarted server resumes it.
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import type { ImageryJob, ImageryLayer } from '../../contract/imagery';
import type { ImageryFileKind } from '../../domain/imagery/sniff-format';
import type { Bounds } from '../../domain/imagery/tile-math';
import { type Message, msg } from '../../domain/message';
import type { Store } from '../store/store';
import { type Checked, checkFile, defaultFree, needed } from './check-imagery-file';
import { convertGeotiff } from './convert-geotiff';
import { type ArchiveReader, openMbtiles } from './mbtiles-archive';
import { openPmtiles } from './pmtiles-archive';

/** What adding imagery takes (the file is on the server: given as a path or uploaded there). */
export interface ImageryInput {
  path: string;
  /** the file's own name (an upload's); default: the path's */
  fileName?: string;
  name: string;
  date?: string | null;
  source?: string | null;
  resolution?: number | null;
  public?: boolean;
  /** delete `path` when done or refused (an upload) */
  owned?: boolean;
}

/** A running or finished job, with the record it will store. */
interface JobState extends ImageryJob {
  input: ImageryInput;
  actor: string;
  done: Promise<void>;
}

/** The library's interface for routes and the CLI. */
export interface ImageryLibrary {
  /** `<data>/imagery`: the archives, and the jobs in `jobs/` */
  dir: string;
  /** Checks the file and starts adding it; refused with the reason, nothing kept. */
  add(
    input: ImageryInput,
    actor: string,
  ): Promise<{ ok: true; job: ImageryJob } | { ok: false; reason: Message }>;
  /** The jobs of this process, newest first. */
  jobs(): ImageryJob[];
  /** Waits for a job to end. */
  wait(id: string): Promise<ImageryJob | null>;
  /** The open archive of a layer (opened once, kept). */
  reader(layer: ImageryLayer): ArchiveReader | null;
  /** Bytes free on the library's disk. */
  freeBytes(): number;
  /** Restarts the jobs a stopped process left unfinished. */
  resume(): void;
  close(): void;
}

/** Options: where, the store, the deployment's region, and (for tests) the free disk space. */
export interface LibraryOptions {
  dir: string;
  store: Store;
  region: Bounds;
  clock?: () => Date;
  freeBytes?: (dir: string) => number;
}

/** The library over `<dir>` (created when needed). */
export function imageryLibrary(opts: LibraryOptions): ImageryLibrary {
  const { dir, store } = opts;
  const jobsDir = join(dir, 'jobs');
  const clock = opts.clock ?? (() => new Date());
  const free = opts.freeBytes ?? defaultFree;
  const jobs = new Map<string, JobState>();
  const readers = new Map<string, ArchiveReader>();
  // one job at a time: two conversions at once would double the memory bound
  let queue: Promise<void> = Promise.resolve();
  const publicJob = (j: JobState): ImageryJob => ({
    id: j.id,
    name: j.name,
    state: j.state,
    progress: j.progress,
    layerId: j.layerId,
    error: j.error,
    code: j.code,
  });
  const dropInput = (input: ImageryInput) => {
    if (input.owned) rmSync(input.path, { force: true });
  };

  const record = (
    id: string,
    input: ImageryInput,
    actor: string,
    c: Checked,
    file: string,
  ): ImageryLayer => ({
    id,
    name: input.name,
    date: input.date ?? null,
    source: input.source ?? null,
    resolution:
      input.resolution ?? (c.kind === 'geotiff' ? Math.round(c.plan.resolution * 100) / 100 : null),
    public: input.public ?? false,
    bounds: c.kind === 'geotiff' ? [...c.plan.bounds] : [...c.bounds],
    minzoom: c.kind === 'geotiff' ? c.plan.minzoom : c.minzoom,
    maxzoom: c.kind === 'geotiff' ? c.plan.maxzoom : c.maxzoom,
    format: file.endsWith('.pmtiles') ? 'pmtiles' : 'mbtiles',
    file,
    synthetic: c.synthetic,
    addedBy: actor,
    addedAt: clock().toISOString(),
  });

  async function runJob(job: JobState, c: Checked): Promise<void> {
    const input = job.input;
    const ext: ImageryFileKind = c.kind === 'geotiff' ? 'mbtiles' : c.kind;
    const file = `${job.id}.${ext}`;
    const part = join(jobsDir, `${job.id}.${ext}.part`);
    job.state = 'running';
    try {
      if (c.kind === 'geotiff') {
        const meta = {
          name: input.name,
          format: 'jpg',
          type: 'baselayer',
          version: '1.3',
          bounds: c.plan.bounds.join(','),
          minzoom: String(c.plan.minzoom),
          maxzoom: String(c.plan.maxzoom),
          ...(c.synthetic ? { synthetic: 'true' } : {}),
        };
        await convertGeotiff(input.path, part, jobsDir, c.plan, meta, (p) => {
          job.progress = p;
        });
      } else copyFileSync(input.path, part);
      renameSync(part, join(dir, file));
      const layer = record(job.id, input, job.actor, c, file);
      await store.addImagery(layer, job.actor);
      job.layerId = layer.id;
      job.progress = 1;
      job.state = 'done';
    } catch (e) {
      rmSync(part, { force: true });
      rmSync(join(dir, file), { force: true });
      job.state = 'failed';
      job.code = 'imagery.job.failed';
      job.error = e instanceof Error ? e.message.slice(0, 500) : String(e);
    } finally {
      rmSync(join(jobsDir, `${job.id}.json`), { force: true });
      dropInput(input);
    }
  }

  function start(id: string, input: ImageryInput, actor: string, c: Checked): JobState {
    const job: JobState = {
      id,
      name: input.name,
      state: 'queued',
      progress: 0,
      layerId: null,
      error: null,
      code: null,
      input,
      actor,
      done: Promise.resolve(),
    };
    jobs.set(id, job);
    job.done = queue.then(() => runJob(job, c));
    queue = job.done;
    return job;
  }

  return {
    dir,
    async add(input, actor) {
      mkdirSync(jobsDir, { recursive: true });
      const name = input.fileName ?? basename(input.path);
      const c = await checkFile(input.path, name, opts.region).catch(() => ({
        ok: false as const,
        reason: msg('imagery.file.unreadable', { name }),
      }));
      if (c.ok) {
        const need = needed(input.path, c);
        const have = free(dir);
        if (need > have) {
          dropInput(input);
          const mb = (b: number) => Math.ceil(b / 1e6);
          return {
            ok: false,
            reason: msg('imagery.disk.full', { needMb: mb(need), freeMb: mb(have) }),
          };
        }
      }
      if (!c.ok) {
        dropInput(input);
        return c;
      }
      const id = `img-${randomBytes(4).toString('hex')}`;
      writeFileSync(join(jobsDir, `${id}.json`), JSON.stringify({ id, input, actor }));
      return { ok: true, job: publicJob(start(id, input, actor, c)) };
    },
    jobs: () => [...jobs.values()].reverse().map(publicJob),
    freeBytes() {
      mkdirSync(dir, { recursive: true });
      return free(dir);
    },
    async wait(id) {
      const job = jobs.get(id);
      if (!job) return null;
      await job.done;
      return publicJob(job);
    },
    reader(layer) {
      const hit = readers.get(layer.id);
      if (hit) return hit;
      const path = join(dir, layer.file);
      if (!existsSync(path)) return null;
      const r = layer.format === 'pmtiles' ? openPmtiles(path) : openMbtiles(path);
      readers.set(layer.id, r);
      return r;
    },
    resume() {
      if (!existsSync(jobsDir)) return;
      for (const f of readdirSync(jobsDir).filter((n) => n.endsWith('.json'))) {
        const saved = JSON.parse(readFileSync(join(jobsDir, f), 'utf8')) as {
          id: string;
          input: ImageryInput;
          actor: string;
        };
        if (jobs.has(saved.id)) continue;
        void checkFile(
          saved.input.path,
          saved.input.fileName ?? basename(saved.input.path),
          opts.region,
        )
          .catch(() => ({ ok: false as const }))
          .then((c) => {
            if (c.ok) return void start(saved.id, saved.input, saved.actor, c);
            // the input is gone or no longer passes: the job and its leftovers go
            rmSync(join(jobsDir, f), { force: true });
            rmSync(join(jobsDir, `${saved.id}.mbtiles.part`), { force: true });
            dropInput(saved.input);
          });
      }
    },
    close() {
      for (const r of readers.values()) r.close();
      readers.clear();
    },
  };
}
