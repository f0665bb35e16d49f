// A published marker's survey coordinates (GET /api/plans/:id/markers/:number), null without the
// right to see them (403) or on any failure: the card then says they are not shown.
import { z } from 'zod';

const MarkerCoordinates = z.object({
  x: z.number(),
  y: z.number(),
  crs: z.string(),
  lon: z.number(),
  lat: z.number(),
});

/** The marker's X/Y, zone and B/L, or null. */
export async function markerCoordinates(
  plan: string,
  id: string,
): Promise<z.infer<typeof MarkerCoordinates> | null> {
  try {
    const res = await fetch(
      `/api/plans/${encodeURIComponent(plan)}/markers/${encodeURIComponent(id)}`,
      { headers: { accept: 'application/json' } },
    );
    if (!res.ok) return null;
    const parsed = MarkerCoordinates.safeParse(await res.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
