// The imagery routes as the UI calls them (docs/api.md: 影像底图).
import { z } from 'zod';
import { imageryJobSchema, imageryLayerSchema } from '../../contract/imagery';
import { ApiError, requestJson } from '../api';

export type { ImageryJob, ImageryLayer } from '../../contract/imagery';

const layersAnswer = z.object({ layers: z.array(imageryLayerSchema) });
const jobAnswer = z.object({ job: imageryJobSchema });

/** The imagery layers the caller may see. */
export async function fetchImagery() {
  return (await requestJson('/api/imagery', layersAnswer)).layers;
}

/** The conversion jobs of the server (admins). */
export async function fetchImageryJobs() {
  return (await requestJson('/api/imagery/jobs', z.object({ jobs: z.array(imageryJobSchema) })))
    .jobs;
}

/** Fields of a new layer. */
export interface NewImagery {
  name: string;
  date?: string;
  source?: string;
  resolution?: number;
  public: boolean;
}

/** Adds a file already on the server. */
export async function addImageryPath(path: string, fields: NewImagery, csrf: string | null) {
  return (
    await requestJson('/api/imagery', jobAnswer, {
      method: 'POST',
      body: { ...fields, path },
      csrf,
    })
  ).job;
}

/** Uploads a file (streamed as the request body) and adds it. */
export async function uploadImagery(file: File, fields: NewImagery, csrf: string | null) {
  const query = new URLSearchParams({
    file: file.name,
    name: fields.name,
    public: String(fields.public),
  });
  for (const k of ['date', 'source', 'resolution'] as const)
    if (fields[k] !== undefined && fields[k] !== '') query.set(k, String(fields[k]));
  // the file goes as the body itself (streamed to disk by the server), not as JSON or a form
  const res = await fetch(`/api/imagery/upload?${query}`, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'accept-language': localStorage.getItem('hejie.lang') === 'en' ? 'en' : 'zh-CN',
      'content-type': 'application/octet-stream',
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
    },
    body: file,
  });
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok)
    throw new ApiError(res.status, String(body?.error ?? `HTTP ${res.status}`), null, body);
  return jobAnswer.parse(body).job;
}

/** Makes a layer public or staff-only. */
export async function setImageryPublic(id: string, isPublic: boolean, csrf: string | null) {
  return (
    await requestJson(
      `/api/imagery/${encodeURIComponent(id)}`,
      z.object({ layer: imageryLayerSchema }),
      {
        method: 'PATCH',
        body: { public: isPublic },
        csrf,
      },
    )
  ).layer;
}
