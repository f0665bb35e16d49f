// 意见征求, 公示 and 验收 records of the SQLite store: each write one `BEGIN IMMEDIATE` transaction
// with its audit entry; the tables' triggers keep them append-only (an answer is set once).
import type Database from 'better-sqlite3';
import { msg } from '../../domain/message';
import type {
  AcceptanceRecord,
  Answer,
  Consultation,
  DisplayPeriod,
  PublicOpinion,
  Reply,
  StoredFile,
} from '../../domain/review/review-types';
import { unknownPlan } from './audit-detail';
import { reviewAudit } from './review-audit';
import type { AuditWriter } from './sqlite-accounts';
import type { ReviewMethods } from './store';

const ROUND = `id, plan_id AS planId, version, departments, due, message, opened_by AS openedBy,
  opened_at AS openedAt`;
const REPLY = `id, consultation_id AS consultationId, plan_id AS planId, user_id AS userId,
  organisation, verdict, text, lon, lat, by, at, answer`;
const DISPLAY = `id, plan_id AS planId, version, start, "end", days, started_by AS startedBy,
  started_at AS startedAt`;
const OPINION = 'id, plan_id AS planId, display_id AS displayId, text, name, contact, at, answer';
const ACCEPTANCE = `id, plan_id AS planId, version, date, body, members, conclusion, remarks, file,
  recorded_by AS recordedBy, recorded_at AS recordedAt`;

type Json<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };
type Answered<T extends { answer: Answer | null }> = Omit<T, 'answer'> & { answer: string | null };

const toRound = (r: Json<Consultation, 'departments'>): Consultation => ({
  ...r,
  departments: JSON.parse(r.departments) as Consultation['departments'],
});
const answered = <T extends { answer: Answer | null }>(r: Answered<T>): T =>
  ({ ...r, answer: r.answer === null ? null : (JSON.parse(r.answer) as Answer) }) as T;
const toAcceptance = (r: Json<AcceptanceRecord, 'file'>): AcceptanceRecord => ({
  ...r,
  file: JSON.parse(r.file) as StoredFile,
});

/** The review methods over an open, migrated database. */
export function reviewMethods(
  db: Database.Database,
  audit: AuditWriter,
  clock: () => Date,
): ReviewMethods {
  const stageOf = (planId: string): string => {
    const row = db.prepare('SELECT stage FROM plans WHERE id = ?').get(planId) as
      | { stage: string }
      | undefined;
    if (!row) throw unknownPlan(planId);
    return row.stage;
  };
  const one = <T>(sql: string, ...args: unknown[]): T | undefined =>
    db.prepare(sql).get(...args) as T | undefined;
  const all = <T>(sql: string, ...args: unknown[]): T[] => db.prepare(sql).all(...args) as T[];
  const readRound = (id: number) => {
    const r = one<Json<Consultation, 'departments'>>(
      `SELECT ${ROUND} FROM consultations WHERE id = ?`,
      id,
    );
    return r ? toRound(r) : null;
  };
  const readReply = (id: number) => {
    const r = one<Answered<Reply>>(`SELECT ${REPLY} FROM replies WHERE id = ?`, id);
    return r ? answered<Reply>(r) : null;
  };
  const readOpinion = (id: number) => {
    const r = one<Answered<PublicOpinion>>(
      `SELECT ${OPINION} FROM public_opinions WHERE id = ?`,
      id,
    );
    return r ? answered<PublicOpinion>(r) : null;
  };

  const open = db.transaction((round: Omit<Consultation, 'id' | 'openedAt'>, actor: string) => {
    if (stageOf(round.planId) !== 'consultation')
      return { ok: false as const, refused: msg('review.consultation.wrongStage') };
    const at = clock().toISOString();
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO consultations (plan_id, version, departments, due, message, opened_by, opened_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        round.planId,
        round.version,
        JSON.stringify(round.departments),
        round.due,
        round.message,
        round.openedBy,
        at,
      );
    const id = Number(lastInsertRowid);
    const member = db.prepare(
      'INSERT INTO consultation_departments (consultation_id, user_id) VALUES (?, ?)',
    );
    for (const d of round.departments) member.run(id, d.userId);
    const row = readRound(id) as Consultation;
    audit(at, actor, 'consultation.open', row.planId, reviewAudit.open(row).detail);
    return { ok: true as const, value: row };
  });

  const reply = db.transaction((r: Omit<Reply, 'id' | 'at' | 'answer'>, actor: string) => {
    stageOf(r.planId);
    const taken = one(
      'SELECT 1 FROM replies WHERE consultation_id = ? AND user_id = ?',
      r.consultationId,
      r.userId,
    );
    if (taken) return { ok: false as const, refused: msg('review.reply.already') };
    const at = clock().toISOString();
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO replies (consultation_id, plan_id, user_id, organisation, verdict, text, lon, lat, by, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
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
      );
    const row = readReply(Number(lastInsertRowid)) as Reply;
    audit(at, actor, 'consultation.reply', row.planId, reviewAudit.reply(row).detail);
    return { ok: true as const, value: row };
  });

  const answerIn = <T extends { planId: string; answer: Answer | null }>(
    table: 'replies' | 'public_opinions',
    read: (id: number) => T | null,
    entry: (row: T, a: Answer) => { action: string; detail: unknown },
  ) =>
    db.transaction((id: number, answer: Omit<Answer, 'at'>, actor: string) => {
      const before = read(id);
      if (!before) throw new Error(`unknown ${table} row ${id}`);
      if (before.answer) return { ok: false as const, refused: msg('review.answer.already') };
      const at = clock().toISOString();
      const value: Answer = { ...answer, at };
      db.prepare(`UPDATE ${table} SET answer = ? WHERE id = ?`).run(JSON.stringify(value), id);
      const row = read(id) as T;
      const e = entry(row, value);
      audit(at, actor, e.action, row.planId, e.detail);
      return { ok: true as const, value: row };
    });
  const answerReply = answerIn('replies', readReply, reviewAudit.answerReply);
  const answerOpinion = answerIn('public_opinions', readOpinion, reviewAudit.answerOpinion);

  const display = db.transaction((d: Omit<DisplayPeriod, 'id' | 'startedAt'>, actor: string) => {
    if (stageOf(d.planId) !== 'deliverables')
      return { ok: false as const, refused: msg('review.display.wrongStage') };
    const at = clock().toISOString();
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO displays (plan_id, version, start, "end", days, started_by, started_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(d.planId, d.version, d.start, d.end, d.days, d.startedBy, at);
    const row = one<DisplayPeriod>(
      `SELECT ${DISPLAY} FROM displays WHERE id = ?`,
      Number(lastInsertRowid),
    ) as DisplayPeriod;
    audit(at, actor, 'display.start', row.planId, reviewAudit.display(row).detail);
    return { ok: true as const, value: row };
  });

  const opinion = db.transaction(
    (o: Omit<PublicOpinion, 'id' | 'at' | 'answer'>, actor: string) => {
      stageOf(o.planId);
      const at = clock().toISOString();
      const { lastInsertRowid } = db
        .prepare(
          'INSERT INTO public_opinions (plan_id, display_id, text, name, contact, at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(o.planId, o.displayId, o.text, o.name, o.contact, at);
      const row = readOpinion(Number(lastInsertRowid)) as PublicOpinion;
      audit(at, actor, 'display.opinion', row.planId, reviewAudit.opinion(row).detail);
      return row;
    },
  );

  const accept = db.transaction((a: Omit<AcceptanceRecord, 'id' | 'recordedAt'>, actor: string) => {
    stageOf(a.planId);
    const at = clock().toISOString();
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO acceptances (plan_id, version, date, body, members, conclusion, remarks, file, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.planId,
        a.version,
        a.date,
        a.body,
        a.members,
        a.conclusion,
        a.remarks,
        JSON.stringify(a.file),
        a.recordedBy,
        at,
      );
    const row = toAcceptance(
      one<Json<AcceptanceRecord, 'file'>>(
        `SELECT ${ACCEPTANCE} FROM acceptances WHERE id = ?`,
        Number(lastInsertRowid),
      ) as Json<AcceptanceRecord, 'file'>,
    );
    audit(at, actor, 'acceptance.add', row.planId, reviewAudit.acceptance(row).detail);
    return row;
  });

  return {
    async openConsultation(round, actor) {
      return open.immediate(round, actor);
    },
    async getConsultation(id) {
      return readRound(id);
    },
    async listConsultations(planId) {
      return all<Json<Consultation, 'departments'>>(
        `SELECT ${ROUND} FROM consultations WHERE plan_id = ? ORDER BY id`,
        planId,
      ).map(toRound);
    },
    async consultationsOf(userId) {
      return all<Json<Consultation, 'departments'>>(
        `SELECT ${ROUND} FROM consultations WHERE id IN
           (SELECT consultation_id FROM consultation_departments WHERE user_id = ?) ORDER BY id`,
        userId,
      ).map(toRound);
    },
    async addReply(r, actor) {
      return reply.immediate(r, actor);
    },
    async getReply(id) {
      return readReply(id);
    },
    async listReplies(planId) {
      return all<Answered<Reply>>(
        `SELECT ${REPLY} FROM replies WHERE plan_id = ? ORDER BY id`,
        planId,
      ).map((r) => answered<Reply>(r));
    },
    async answerReply(id, answer, actor) {
      return answerReply.immediate(id, answer, actor);
    },
    async startDisplay(d, actor) {
      return display.immediate(d, actor);
    },
    async listDisplays(planId) {
      return all<DisplayPeriod>(
        `SELECT ${DISPLAY} FROM displays WHERE plan_id = ? ORDER BY id`,
        planId,
      );
    },
    async addPublicOpinion(o, actor) {
      return opinion.immediate(o, actor);
    },
    async getPublicOpinion(id) {
      return readOpinion(id);
    },
    async listPublicOpinions(planId) {
      return all<Answered<PublicOpinion>>(
        `SELECT ${OPINION} FROM public_opinions WHERE plan_id = ? ORDER BY id`,
        planId,
      ).map((r) => answered<PublicOpinion>(r));
    },
    async answerPublicOpinion(id, answer, actor) {
      return answerOpinion.immediate(id, answer, actor);
    },
    async addAcceptance(a, actor) {
      return accept.immediate(a, actor);
    },
    async listAcceptances(planId) {
      return all<Json<AcceptanceRecord, 'file'>>(
        `SELECT ${ACCEPTANCE} FROM acceptances WHERE plan_id = ? ORDER BY id`,
        planId,
      ).map(toAcceptance);
    },
    async getAcceptance(id) {
      const row = one<Json<AcceptanceRecord, 'file'>>(
        `SELECT ${ACCEPTANCE} FROM acceptances WHERE id = ?`,
        id,
      );
      return row ? toAcceptance(row) : null;
    },
  };
}
