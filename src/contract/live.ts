// The wire of live updates and the to-do list (issue 19): what GET /api/events pushes and what
// GET /api/todo answers. Server and UI both parse with these.
import { z } from 'zod';
import type { Message } from '../domain/message';
import { STAGES, type StageId } from '../domain/workflow/stages';

const stage = z.enum(STAGES.map((s) => s.id) as [StageId, ...StageId[]]);
const message = z.custom<Message>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string',
);

/** One `change` event of GET /api/events (no coordinates, no private text). */
export const liveEventSchema = z.object({
  id: z.number(),
  change: z.enum([
    'stage',
    'published',
    'version',
    'comment',
    'resolved',
    'consultation',
    'reply',
    'answer',
    'display',
    'opinion',
    'acceptance',
    'settings',
    'basedata',
    'report',
    'reminder',
  ]),
  planId: z.string().nullable(),
  at: z.string(),
  by: z.string().nullable(),
  from: stage.nullable(),
  to: stage.nullable(),
  version: z.number().nullable(),
  /** the unit (adcode) and month of a monthly report or reminder */
  report: z.object({ unit: z.string(), month: z.string() }).nullable(),
});

/** A change pushed to an open page. */
export type LiveEventWire = z.infer<typeof liveEventSchema>;

const link = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan'), planId: z.string() }),
  z.object({ kind: z.literal('round'), planId: z.string(), round: z.number() }),
  z.object({ kind: z.literal('overdue') }),
  z.object({ kind: z.literal('settings') }),
  z.object({ kind: z.literal('report'), unit: z.string(), month: z.string() }),
]);

/** GET /api/todo: what waits for the logged-in user, and how many. */
export const todoListSchema = z.object({
  count: z.number(),
  items: z.array(z.object({ key: z.string(), message, link, due: z.string().nullable() })),
});

/** The to-do list as the page shows it. */
export type TodoList = z.infer<typeof todoListSchema>;
