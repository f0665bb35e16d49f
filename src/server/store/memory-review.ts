// 意见征求, 公示 and 验收 records of the in-memory twin: written once, answered once, returned as
// copies, with the same audit entries and refusals as the SQLite store.
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
import type { MemoryState } from './memory-workflow';
import { reviewAudit } from './review-audit';
import type { ReviewMethods } from './store';

const copy = <T>(v: T): T => structuredClone(v);
const byId = <T extends { id: number }>(list: readonly T[], id: number): T | null =>
  list.find((x) => x.id === id) ?? null;

/** The review methods of the memory store. */
export function memoryReview(state: MemoryState): ReviewMethods {
  const rounds: Consultation[] = [];
  const replies: Reply[] = [];
  const displays: DisplayPeriod[] = [];
  const opinions: PublicOpinion[] = [];
  const acceptances: AcceptanceRecord[] = [];
  const stageOf = (planId: string) => {
    const plan = state.plans().find((p) => p.record.id === planId);
    if (!plan) throw unknownPlan(planId);
    return plan.stage;
  };
  const log = (at: string, actor: string, planId: string, e: { action: string; detail: unknown }) =>
    state.audit(at, actor, e.action, planId, e.detail);
  const now = () => state.clock().toISOString();
  const answerOf = (answer: Omit<Answer, 'at'>, at: string): Answer => ({ ...copy(answer), at });

  return {
    async openConsultation(round, actor) {
      if (stageOf(round.planId) !== 'consultation')
        return { ok: false, refused: msg('review.consultation.wrongStage') };
      const at = now();
      const row: Consultation = { ...copy(round), id: rounds.length + 1, openedAt: at };
      rounds.push(row);
      log(at, actor, row.planId, reviewAudit.open(row));
      return { ok: true, value: copy(row) };
    },
    async getConsultation(id) {
      return copy(byId(rounds, id));
    },
    async listConsultations(planId) {
      return copy(rounds.filter((r) => r.planId === planId));
    },
    async consultationsOf(userId) {
      return copy(rounds.filter((r) => r.departments.some((d) => d.userId === userId)));
    },
    async addReply(reply, actor) {
      stageOf(reply.planId);
      if (
        replies.some((r) => r.consultationId === reply.consultationId && r.userId === reply.userId)
      )
        return { ok: false, refused: msg('review.reply.already') };
      const at = now();
      const row: Reply = { ...copy(reply), id: replies.length + 1, at, answer: null };
      replies.push(row);
      log(at, actor, row.planId, reviewAudit.reply(row));
      return { ok: true, value: copy(row) };
    },
    async getReply(id) {
      return copy(byId(replies, id));
    },
    async listReplies(planId) {
      return copy(replies.filter((r) => r.planId === planId));
    },
    async answerReply(id, answer, actor) {
      const row = byId(replies, id);
      if (!row) throw new Error(`unknown reply ${id}`);
      if (row.answer) return { ok: false, refused: msg('review.answer.already') };
      const at = now();
      row.answer = answerOf(answer, at);
      log(at, actor, row.planId, reviewAudit.answerReply(row, row.answer));
      return { ok: true, value: copy(row) };
    },
    async startDisplay(period, actor) {
      if (stageOf(period.planId) !== 'deliverables')
        return { ok: false, refused: msg('review.display.wrongStage') };
      const at = now();
      const row: DisplayPeriod = { ...copy(period), id: displays.length + 1, startedAt: at };
      displays.push(row);
      log(at, actor, row.planId, reviewAudit.display(row));
      return { ok: true, value: copy(row) };
    },
    async listDisplays(planId) {
      return copy(displays.filter((d) => d.planId === planId));
    },
    async addPublicOpinion(opinion, actor) {
      stageOf(opinion.planId);
      const at = now();
      const row: PublicOpinion = { ...copy(opinion), id: opinions.length + 1, at, answer: null };
      opinions.push(row);
      log(at, actor, row.planId, reviewAudit.opinion(row));
      return copy(row);
    },
    async getPublicOpinion(id) {
      return copy(byId(opinions, id));
    },
    async listPublicOpinions(planId) {
      return copy(opinions.filter((o) => o.planId === planId));
    },
    async answerPublicOpinion(id, answer, actor) {
      const row = byId(opinions, id);
      if (!row) throw new Error(`unknown opinion ${id}`);
      if (row.answer) return { ok: false, refused: msg('review.answer.already') };
      const at = now();
      row.answer = answerOf(answer, at);
      log(at, actor, row.planId, reviewAudit.answerOpinion(row, row.answer));
      return { ok: true, value: copy(row) };
    },
    async addAcceptance(record, actor) {
      stageOf(record.planId);
      const at = now();
      const row: AcceptanceRecord = { ...copy(record), id: acceptances.length + 1, recordedAt: at };
      acceptances.push(row);
      log(at, actor, row.planId, reviewAudit.acceptance(row));
      return copy(row);
    },
    async listAcceptances(planId) {
      return copy(acceptances.filter((a) => a.planId === planId));
    },
    async getAcceptance(id) {
      return copy(byId(acceptances, id));
    },
  };
}
