// The flood-line tool's requests: the DEM streamed as the body, then the run (src/contract/floodline).
import type { Position } from 'geojson';
import { z } from 'zod';
import { floodlinePreview } from '../../../contract/floodline';
import { ApiError, requestJson } from '../../api';

const base = (id: string) => `/api/plans/${encodeURIComponent(id)}/floodline`;

/** Uploads the DEM (the file itself as the body, streamed to disk by the server); its id. */
export async function uploadDem(planId: string, file: File, csrf: string): Promise<string> {
  const res = await fetch(`${base(planId)}/dem?${new URLSearchParams({ file: file.name })}`, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'accept-language': localStorage.getItem('hejie.lang') === 'en' ? 'en' : 'zh-CN',
      'content-type': 'application/octet-stream',
      'x-csrf-token': csrf,
    },
    body: file,
  });
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok)
    throw new ApiError(res.status, String(body?.error ?? `HTTP ${res.status}`), null, body);
  return z.object({ demId: z.string() }).parse(body).demId;
}

/** Computes the preview. */
export const computeFloodline = (
  planId: string,
  body: {
    demId: string;
    levels: { name: string; text: string };
    centreline?: Position[];
    maxWidth?: number;
  },
  csrf: string,
) => requestJson(base(planId), floodlinePreview, { method: 'POST', body, csrf });
