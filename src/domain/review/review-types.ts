// The records of 意见征求, 公示 and 验收 (issue 13): what departments and citizens said, how the
// planner answered, and what the acceptance panel decided. Every record is written once and never
// changed; an answer is written once per opinion.

/** A department's verdict on a consultation round. */
export type Verdict = 'no-objection' | 'objection';

/** The planner's answer to an opinion: 采纳 / 部分采纳 / 不采纳. */
export type Decision = 'adopted' | 'partly' | 'rejected';

/** The acceptance panel's conclusion: 合格 / 不合格. */
export type Conclusion = 'pass' | 'fail';

/** A department consulted in a round, as it was when the round opened. */
export interface ConsultedDepartment {
  userId: string;
  username: string;
  /** the account's display name */
  name: string;
  /** e.g. 市生态环境局 */
  organisation: string;
}

/** A consultation round (征求意见) on a saved version of a plan. */
export interface Consultation {
  id: number;
  planId: string;
  version: number;
  departments: ConsultedDepartment[];
  /** the reply deadline, YYYY-MM-DD; it ends at 24:00 China time */
  due: string;
  message: string;
  openedBy: string;
  openedAt: string;
}

/** The planner's answer to an opinion (a department's objection or a citizen's opinion). */
export interface Answer {
  decision: Decision;
  reason: string;
  /** the saved version that answers it, when one does */
  version: number | null;
  by: string;
  at: string;
}

/** A department's reply to a round: once per department and round. */
export interface Reply {
  id: number;
  consultationId: number;
  planId: string;
  userId: string;
  organisation: string;
  verdict: Verdict;
  /** empty for 无意见 without text */
  text: string;
  lon: number | null;
  lat: number | null;
  by: string;
  at: string;
  /** null until the planner answers; 无意见 needs no answer */
  answer: Answer | null;
}

/** A public display period (公示) of a version: from `start` to `end`, both whole China days. */
export interface DisplayPeriod {
  id: number;
  planId: string;
  version: number;
  /** YYYY-MM-DD, the first day (China time) */
  start: string;
  /** YYYY-MM-DD, the last day; the period ends at 24:00 China time that day */
  end: string;
  days: number;
  startedBy: string;
  startedAt: string;
}

/** A citizen's opinion during a display period. */
export interface PublicOpinion {
  id: number;
  planId: string;
  displayId: number;
  /** as typed (NFC, control characters removed); every writer escapes it for its format */
  text: string;
  name: string | null;
  /** visible to authorised staff only */
  contact: string | null;
  at: string;
  answer: Answer | null;
}

/** A file kept outside the database, named by its SHA-256. */
export interface StoredFile {
  sha256: string;
  size: number;
  /** the name it was uploaded with (shown, never used as a path) */
  name: string;
  mediaType: 'application/pdf';
}

/** An acceptance record (验收) of a version, with the signed acceptance document. */
export interface AcceptanceRecord {
  id: number;
  planId: string;
  version: number;
  /** YYYY-MM-DD */
  date: string;
  /** the accepting body, e.g. 钦州市水利局 */
  body: string;
  /** panel members as entered (names separated by 、 or commas) */
  members: string;
  conclusion: Conclusion;
  remarks: string;
  file: StoredFile;
  recordedBy: string;
  recordedAt: string;
}
