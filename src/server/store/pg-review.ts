// 意见征求, 公示 and 验收 records of the PostgreSQL store: each write one transaction with its audit
// entry, the plan's row locked first; the tables' triggers keep them append-only (an answer is set
// once).
import { msg } from '../../domain/message';
import type {
  AcceptanceRecord,
  Answer,
  Consultation,
  DisplayPeriod,
  PublicOpinion,
  Reply,
} from '../../domain/review/review-types';
import { unknownPlan } from './audit-detail';
import type { PgAuditWriter, PgDb, Query } from './pg-db';
import { json } from './pg-db';
import { reviewAudit } from './review-audit';
import type { ReviewMethods } from './store';

const ROUND = `id, plan_id AS "planId", version, departments, due, message, opened_by AS "openedBy",
  opened_at AS "openedAt"`;
const REPLY = `id, consultation_id AS "consultationId", plan_id AS "planId", user_id AS "userId",
  organisation, verdict, text, lon, lat, by, at, answer`;
const DISPLAY = `id, plan_id AS "planId", version, start, "end", days, started_by AS "startedBy",
  started_at AS "startedAt"`;
const OPINION =
  'id, plan_id AS "planId", display_id AS "displayId", text, name, contact, at, answer';
const ACCEPTANCE = `id, plan_id AS "planId", version, date, body, members, conclusion, remarks, file,
  recorded_by AS "recordedBy", recorded_at AS "recordedAt"`;

const lockStage = async (q: Query, planId: string): Promise<string> => {
  const [row] = await q<{ stage: string }>('SELECT stage FROM plans WHERE id = $1 FOR UPDATE', [
    planId,
  ]);
  if (!row) throw unknownPlan(planId);
  return row.stage;
};
const first = async <T>(rows: Promise<T[]>): Promise<T | null> => (await rows)[0] ?? null;
const readRound = (q: Query, id: number) =>
  first(q<Consultation>(`SELECT ${ROUND} FROM consultations WHERE id = $1`, [id]));
const readReply = (q: Query, id: number) =>
  first(q<Reply>(`SELECT ${REPLY} FROM replies WHERE id = $1`, [id]));
const readOpinion = (q: Query, id: number) =>
  first(q<PublicOpinion>(`SELECT ${OPINION} FROM public_opinions WHERE id = $1`, [id]));
const readAcceptance = (q: Query, id: number) =>
  first(q<AcceptanceRecord>(`SELECT ${ACCEPTANCE} FROM acceptances WHERE id = $1`, [id]));
const insertedId = async (rows: Promise<{ id: number }[]>): Promise<number> =>
  (await rows)[0]?.id as number;

/** The review methods over the pool. */
export function pgReviewMethods(
  { read, tx }: PgDb,
  audit: PgAuditWriter,
  clock: () => Date,
): ReviewMethods {
  const answerIn =
    <T extends { planId: string; answer: Answer | null }>(
      table: 'replies' | 'public_opinions',
      readOne: (q: Query, id: number) => Promise<T | null>,
      entry: (row: T, a: Answer) => { action: string; detail: unknown },
    ) =>
    (id: number, answer: Omit<Answer, 'at'>, actor: string) =>
      tx(async (q) => {
        await q(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
        const before = await readOne(q, id);
        if (!before) throw new Error(`unknown ${table} row ${id}`);
        if (before.answer) return { ok: false as const, refused: msg('review.answer.already') };
        const at = clock().toISOString();
        const value: Answer = { ...answer, at };
        await q(`UPDATE ${table} SET answer = $1 WHERE id = $2`, [json(value), id]);
        const row = (await readOne(q, id)) as T;
        const e = entry(row, value);
        await audit(q, at, actor, e.action, row.planId, e.detail);
        return { ok: true as const, value: row };
      });

  return {
    async openConsultation(round, actor) {
      return tx(async (q) => {
        if ((await lockStage(q, round.planId)) !== 'consultation')
          return { ok: false as const, refused: msg('review.consultation.wrongStage') };
        const at = clock().toISOString();
        const id = await insertedId(
          q(
            `INSERT INTO consultations (plan_id, version, departments, due, message, opened_by, opened_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
            [
              round.planId,
              round.version,
              json(round.departments),
              round.due,
              round.message,
              round.openedBy,
              at,
            ],
          ),
        );
        for (const d of round.departments)
          await q(
            'INSERT INTO consultation_departments (consultation_id, user_id) VALUES ($1, $2)',
            [id, d.userId],
          );
        const row = (await readRound(q, id)) as Consultation;
        await audit(q, at, actor, 'consultation.open', row.planId, reviewAudit.open(row).detail);
        return { ok: true as const, value: row };
      });
    },
    async getConsultation(id) {
      return readRound(read, id);
    },
    async listConsultations(planId) {
      return read<Consultation>(
        `SELECT ${ROUND} FROM consultations WHERE plan_id = $1 ORDER BY id`,
        [planId],
      );
    },
    async consultationsOf(userId) {
      return read<Consultation>(
        `SELECT ${ROUND} FROM consultations WHERE id IN
           (SELECT consultation_id FROM consultation_departments WHERE user_id = $1) ORDER BY id`,
        [userId],
      );
    },
    async addReply(r, actor) {
      return tx(async (q) => {
        await lockStage(q, r.planId);
        const at = clock().toISOString();
        const rows = await q<{ id: number }>(
          `INSERT INTO replies (consultation_id, plan_id, user_id, organisation, verdict, text, lon, lat, by, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (consultation_id, user_id) DO NOTHING RETURNING id`,
          [
            r.consultationId,
            r.planId,
            r.userId,
            r.organisation,
            r.verdict,
            r.text,
            r.lon,
            r.lat,
            r.by,
            at,
          ],
        );
        if (!rows[0]) return { ok: false as const, refused: msg('review.reply.already') };
        const row = (await readReply(q, rows[0].id)) as Reply;
        await audit(q, at, actor, 'consultation.reply', row.planId, reviewAudit.reply(row).detail);
        return { ok: true as const, value: row };
      });
    },
    async getReply(id) {
      return readReply(read, id);
    },
    async listReplies(planId) {
      return read<Reply>(`SELECT ${REPLY} FROM replies WHERE plan_id = $1 ORDER BY id`, [planId]);
    },
    answerReply: answerIn('replies', readReply, reviewAudit.answerReply),
    async startDisplay(d, actor) {
      return tx(async (q) => {
        if ((await lockStage(q, d.planId)) !== 'deliverables')
          return { ok: false as const, refused: msg('review.display.wrongStage') };
        const at = clock().toISOString();
        const [row] = await q<DisplayPeriod>(
          `INSERT INTO displays (plan_id, version, start, "end", days, started_by, started_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${DISPLAY}`,
          [d.planId, d.version, d.start, d.end, d.days, d.startedBy, at],
        );
        const value = row as DisplayPeriod;
        await audit(q, at, actor, 'display.start', value.planId, reviewAudit.display(value).detail);
        return { ok: true as const, value };
      });
    },
    async listDisplays(planId) {
      return read<DisplayPeriod>(`SELECT ${DISPLAY} FROM displays WHERE plan_id = $1 ORDER BY id`, [
        planId,
      ]);
    },
    async addPublicOpinion(o, actor) {
      return tx(async (q) => {
        await lockStage(q, o.planId);
        const at = clock().toISOString();
        const id = await insertedId(
          q(
            `INSERT INTO public_opinions (plan_id, display_id, text, name, contact, at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
            [o.planId, o.displayId, o.text, o.name, o.contact, at],
          ),
        );
        const row = (await readOpinion(q, id)) as PublicOpinion;
        await audit(q, at, actor, 'display.opinion', row.planId, reviewAudit.opinion(row).detail);
        return row;
      });
    },
    async getPublicOpinion(id) {
      return readOpinion(read, id);
    },
    async listPublicOpinions(planId) {
      return read<PublicOpinion>(
        `SELECT ${OPINION} FROM public_opinions WHERE plan_id = $1 ORDER BY id`,
        [planId],
      );
    },
    answerPublicOpinion: answerIn('public_opinions', readOpinion, reviewAudit.answerOpinion),
    async addAcceptance(a, actor) {
      return tx(async (q) => {
        await lockStage(q, a.planId);
        const at = clock().toISOString();
        const id = await insertedId(
          q(
            `INSERT INTO acceptances (plan_id, version, date, body, members, conclusion, remarks, file, recorded_by, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
            [
              a.planId,
              a.version,
              a.date,
              a.body,
              a.members,
              a.conclusion,
              a.remarks,
              json(a.file),
              a.recordedBy,
              at,
            ],
          ),
        );
        const row = (await readAcceptance(q, id)) as AcceptanceRecord;
        await audit(q, at, actor, 'acceptance.add', row.planId, reviewAudit.acceptance(row).detail);
        return row;
      });
    },
    async listAcceptances(planId) {
      return read<AcceptanceRecord>(
        `SELECT ${ACCEPTANCE} FROM acceptances WHERE plan_id = $1 ORDER BY id`,
        [planId],
      );
    },
    async getAcceptance(id) {
      return readAcceptance(read, id);
    },
  };
}
