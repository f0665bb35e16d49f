// A reader of GET /api/events for tests: the stream's events as they arrive, with their arrival time.
export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
  /** performance.now() when it arrived */
  t: number;
}

/** An open event stream. */
export interface SseStream {
  status: number;
  events: SseEvent[];
  /** Resolves the first event (from `from` on) that `pred` accepts; rejects after `ms`. */
  next(pred: (e: SseEvent) => boolean, ms?: number, from?: number): Promise<SseEvent>;
  close(): void;
}

function parse(block: string, t: number): SseEvent | null {
  const e: SseEvent = { id: null, event: 'message', data: '', t };
  let any = false;
  for (const line of block.split('\n')) {
    if (line.startsWith(':') || line === '') continue;
    const [k, ...rest] = line.split(':');
    const v = rest.join(':').replace(/^ /, '');
    if (k === 'id') e.id = v;
    else if (k === 'event') e.event = v;
    else if (k === 'data') e.data += v;
    any = true;
  }
  return any ? e : null;
}

/** Opens GET /api/events with a cookie (or none) and an optional Last-Event-ID. */
export async function openEvents(
  url: string,
  cookie: string | null,
  lastEventId?: string,
): Promise<SseStream> {
  const ctrl = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (cookie) headers.cookie = cookie;
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const res = await fetch(`${url}/api/events`, { headers, signal: ctrl.signal });
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  if (res.ok && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buf = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let i = buf.indexOf('\n\n');
          while (i >= 0) {
            const e = parse(buf.slice(0, i), performance.now());
            buf = buf.slice(i + 2);
            if (e) events.push(e);
            for (const w of waiters) w();
            i = buf.indexOf('\n\n');
          }
        }
      } catch {
        // aborted
      }
    })();
  } else await res.body?.cancel();
  return {
    status: res.status,
    events,
    next(pred, ms = 10_000, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.slice(from).find(pred);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such event in ${ms} ms; got ${JSON.stringify(events)}`));
        }, ms);
        if (!check()) waiters.add(check);
      });
    },
    close: () => ctrl.abort(),
  };
}
