// What both stores write to the audit log for each review write (issue 13), so that the twins agree.
// A citizen's name and contact are never written to the log (chiefs read it): only the opinion's id.
import type {
  AcceptanceRecord,
  Answer,
  Consultation,
  DisplayPeriod,
  PublicOpinion,
  Reply,
} from '../../domain/review/review-types';

/** The audit action and detail of each review write; the target is always the plan id. */
export const reviewAudit = {
  open: (c: Consultation) => ({
    action: 'consultation.open',
    detail: {
      id: c.id,
      version: c.version,
      due: c.due,
      departments: c.departments.map((d) => d.organisation),
      message: c.message,
    },
  }),
  reply: (r: Reply) => ({
    action: 'consultation.reply',
    detail: {
      id: r.id,
      consultation: r.consultationId,
      organisation: r.organisation,
      verdict: r.verdict,
      text: r.text,
      pin: r.lon === null ? null : [r.lon, r.lat],
    },
  }),
  answerReply: (r: Reply, a: Answer) => ({
    action: 'consultation.answer',
    detail: { reply: r.id, organisation: r.organisation, ...answerDetail(a) },
  }),
  display: (d: DisplayPeriod) => ({
    action: 'display.start',
    detail: { id: d.id, version: d.version, start: d.start, end: d.end, days: d.days },
  }),
  opinion: (o: PublicOpinion) => ({
    action: 'display.opinion',
    detail: { id: o.id, display: o.displayId, length: o.text.length },
  }),
  answerOpinion: (o: PublicOpinion, a: Answer) => ({
    action: 'display.answer',
    detail: { opinion: o.id, ...answerDetail(a) },
  }),
  acceptance: (a: AcceptanceRecord) => ({
    action: 'acceptance.add',
    detail: {
      id: a.id,
      version: a.version,
      date: a.date,
      body: a.body,
      members: a.members,
      conclusion: a.conclusion,
      remarks: a.remarks,
      file: { sha256: a.file.sha256, size: a.file.size, name: a.file.name },
    },
  }),
};

function answerDetail(a: Answer) {
  return { decision: a.decision, reason: a.reason, version: a.version };
}
