import type { Feature, FeatureCollection } from 'geojson';
import type { ImageryLayer } from '../../contract/imagery';
import type { Scope, UserActor } from '../../domain/access/actor';
import type { Message } from '../../domain/message';
import type { PlanRecord } from '../../domain/plans/plan';
import type {
  AcceptanceRecord,
  Answer,
  Consultation,
  DisplayPeriod,
  PublicOpinion,
  Reply,
} from '../../domain/review/review-types';
import type { CourseSummary, CourseVersion } from '../../domain/rivers/course';
import type { Waterbody } from '../../domain/rivers/waterbody';
import type { StageId } from '../../domain/workflow/stages';

/** The history of every plan the monthly figures read (issue 14): moves, versions, publications. */
export interface StoreHistory {
  events: { planId: string; from: StageId; to: StageId; at: string }[];
  versions: { planId: string; version: number; at: string }[];
  /** every publication (not only the newest), with its management-line length and markers */
  publications: {
    planId: string;
    version: number;
    at: string;
    lengthM: number;
    boundary: number;
    noticeBoards: number;
  }[];
}

/** A submitted monthly report (月报), one row per revision; never updated or deleted. */
export interface ReportRow {
  id: number;
  unit: string;
  month: string;
  /** 1, 2, … per unit and month: a correction is the next revision */
  revision: number;
  /** the unit's figures as computed when submitted (src/contract/progress.ts `UnitFigures`) */
  figures: unknown;
  problems: string;
  nextSteps: string;
  submittedBy: string;
  submittedAt: string;
  late: boolean;
}

/** What submitting a report takes; the store numbers the revision. */
export type NewReport = Omit<ReportRow, 'id' | 'revision'>;

/** A reminder the city sent a unit for a month's report. */
export interface ReminderRow {
  id: number;
  unit: string;
  month: string;
  by: string;
  at: string;
}

/** A plan as stored: the published record, its current stage and when it last changed. */
export interface PlanRow {
  record: PlanRecord;
  stage: StageId;
  updatedAt: string;
}

/** What a first start loads into an empty store. */
export interface SeedData {
  plans: readonly PlanRecord[];
  waterbodies: readonly Waterbody[];
  /** where the data came from, for the audit log */
  source: string;
}

/** An entry of the append-only audit log. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: unknown;
}

/** Facts about a store for /api/health. */
export interface StoreInfo {
  kind: 'sqlite' | 'memory' | 'postgres';
  location: string | null;
  schemaVersion: number;
  seededAt: string | null;
}

/** An account. The password hash never leaves the server. */
export interface UserRow {
  id: string;
  username: string;
  name: string;
  role: UserActor['role'];
  person: string | null;
  scope: Scope;
  canPublish: boolean;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  /** for a department account: the organisation it speaks for (null or absent otherwise) */
  organisation?: string | null;
}

/** What creating an account takes. */
export type NewUser = Omit<UserRow, 'id' | 'createdAt' | 'disabled'>;

/** A login session; `id` is the SHA-256 of the cookie's token (the token itself is never stored). */
export interface SessionRow {
  id: string;
  userId: string;
  /** the CSRF token the client must echo in `X-CSRF-Token` on every state change */
  csrf: string;
  createdAt: string;
  expiresAt: string;
}

/** A saved geometry version of a plan: what the planner drew (lon/lat features), numbered 1, 2, … */
export interface GeometryVersion {
  planId: string;
  version: number;
  features: Feature[];
  author: string;
  comment: string;
  createdAt: string;
}

/** A saved version as a list shows it: who, when, why, and how many features (not the features). */
export interface VersionSummary extends Omit<GeometryVersion, 'features'> {
  features: number;
}

/**
 * Saving a version: done, or refused because the plan moved on since `baseVersion` (HTTP 409);
 * `current` is null when the plan has no version yet (the base was ahead of it).
 */
export type SaveResult =
  | { ok: true; version: GeometryVersion }
  | { ok: false; current: GeometryVersion | null }
  /** the plan's stage takes no saves (公告实施: send it back first) */
  | { ok: false; refused: Message };

/**
 * A stage move with who, when and why, and the plan's newest saved version at that moment (what a
 * sign-off signs; null before the first save, and for moves made before versions were recorded).
 */
export interface StageEvent {
  planId: string;
  from: StageId;
  to: StageId;
  actor: string;
  comment: string;
  at: string;
  version: number | null;
}

/** Moving a stage: done, or refused because the plan is no longer in the stage the caller saw. */
export type MoveResult = { ok: true; event: StageEvent } | { ok: false; current: StageId };

/**
 * A published version, frozen: the geometry version, the zones and markers computed from it, the
 * rule table used, and an ETag over the public response. Never updated or deleted.
 */
/** A page of the audit log: see `Store.searchAudit`. */
export interface AuditQuery {
  target?: string;
  actor?: string;
  beforeId?: number;
  limit: number;
}

export interface Publication {
  planId: string;
  version: number;
  zones: FeatureCollection;
  markers: FeatureCollection;
  rules: unknown;
  etag: string;
  publishedAt: string;
  publishedBy: string;
}

/** How a comment was resolved: the planner's reply, who and when (set once). */
export interface CommentResolution {
  reply: string;
  by: string;
  at: string;
}

/**
 * A comment on a plan, optionally pinned to a map location, with the newest saved version when it
 * was made (null before the first save), whether it is an objection (异议: it blocks publishing
 * that version until resolved, src/domain/workflow/objections.ts) and its resolution.
 */
export interface CommentRow {
  id: number;
  planId: string;
  author: string;
  text: string;
  lon: number | null;
  lat: number | null;
  at: string;
  version: number | null;
  objection: boolean;
  resolution: CommentResolution | null;
}

/** What adding a comment takes (`objection` defaults to false). */
export type NewComment = Omit<CommentRow, 'id' | 'at' | 'version' | 'objection' | 'resolution'> & {
  objection?: boolean;
};

/** Settings an admin can change. */
export interface Settings {
  /** coordinate tables and exports of published plans are public (DOMAIN.md: off by default) */
  publicCoordinates: boolean;
  /** a Tianditu key set in the admin page (the environment's TIANDITU_KEY wins when set) */
  tiandituKey: string | null;
  /**
   * The bureau's rule table as JSON (`parseRuleTable` reads it); absent or null: the default table.
   * The next three are absent until an admin sets them (a store written before them has none).
   */
  rules?: unknown | null;
  /** the issuing authority printed on public notices (公告), e.g. 钦州市人民政府 */
  noticeAuthority?: string | null;
  /** the supervision phone printed on public notices */
  supervisionPhone?: string | null;
  /** days of a public display period (公示) unless the request gives them: 1–30, default 7 */
  displayDays?: number;
  /** departments consulted on a plan may read its coordinates (default false) */
  departmentCoordinates?: boolean;
  /** the supervising unit printed on notice boards (监督单位), null until set */
  supervisingUnit?: string | null;
  /** the prohibited acts printed on notices and boards, one per line; null or empty until set */
  prohibitedActs?: string[] | null;
  /** a notice board's size in cm (default 150 × 100) */
  noticeBoard?: { widthCm: number; heightCm: number };
}

/** What importing a course version stores (its number, author and time are the store's). */
export type NewCourse = Omit<CourseVersion, 'version' | 'by' | 'at'>;

/**
 * A login attempt to count (the rule is src/server/auth/throttle.ts): its keys, each with the
 * number of failures within the window that makes the next attempt wait, the window's start
 * (failures at or before `since` are forgotten, and removed), the attempt's time (ms), and the
 * bound on remembered keys (a new key is not remembered when the store already holds `maxKeys`).
 */
export interface LoginAttempt {
  keys: readonly { key: string; limit: number }[];
  since: number;
  at: number;
  maxKeys: number;
}

/**
 * Counted (`ids`: the failures recorded for it, for taking them back on success), or refused with
 * each key's failure times within the window, oldest first (in the order of `keys`).
 */
export type LoginCount = { ok: true; ids: number[] } | { ok: false; times: number[][] };

/** A public opinion about to be stored: its keys, each with its limit and window start (ms). */
export interface OpinionAttempt {
  keys: readonly { key: string; limit: number; since: number }[];
  at: number;
  maxKeys: number;
}

/** Counted, or refused with each key's times within its window, oldest first (in key order). */
export type OpinionCount = { ok: true } | { ok: false; times: number[][] };

/** A write of a review record refused for a reason checked inside its transaction. */
export type ReviewWrite<T> = { ok: true; value: T } | { ok: false; refused: Message };

/**
 * Persistence behind one interface (SQLite for real, memory for fast tests; PostgreSQL can be
 * added without touching routes). Asynchronous so that a networked store fits.
 * Unknown plan ids: reads give null or []; `publish` gives false; `saveGeometry`, `moveStage` and
 * `addComment` throw (routes load the plan first for the access check and answer 404 there).
 */
export interface Store {
  info(): Promise<StoreInfo>;
  /** Loads the seed into an empty store, in one transaction; a no-op when already seeded. */
  seedIfEmpty(data: SeedData, actor: string): Promise<{ seeded: boolean }>;
  listPlans(): Promise<PlanRow[]>;
  getPlan(id: string): Promise<PlanRow | null>;
  listWaterbodies(): Promise<Waterbody[]>;
  listAudit(target?: string): Promise<AuditEntry[]>;
  /**
   * A number that grows with every write (the newest audit entry's id: every write is audited), so
   * that views built from the store can be cached until it changes, across processes too.
   */
  revision(): Promise<number>;
  /**
   * The audit entries after `afterId`, oldest first, at most `limit` of them: what changed since a
   * reader last looked (the live updates of every process read the store, not each other).
   */
  auditSince(afterId: number, limit: number): Promise<AuditEntry[]>;
  /** The imagery layers (影像底图), oldest first. */
  listImagery(): Promise<ImageryLayer[]>;
  /** Records an imagery layer; false when its id is taken. Audited (`imagery.add`). */
  addImagery(layer: ImageryLayer, actor: string): Promise<boolean>;
  /** Makes a layer public or staff-only; null when there is none. Audited (`imagery.public`). */
  setImageryPublic(id: string, isPublic: boolean, actor: string): Promise<ImageryLayer | null>;
  /**
   * The newest audit entries first, at most `limit`, whose target and actor contain the given parts
   * (case-insensitive for ASCII), older than `beforeId` when given: the console's page of the log,
   * read without loading the whole log.
   */
  searchAudit(query: AuditQuery): Promise<AuditEntry[]>;
  /** Appends to the audit log (writes below append their own entries in their transaction). */
  appendAudit(actor: string, action: string, target: string, detail: unknown): Promise<void>;

  /** Creates an account; null when the username is taken. Audited. */
  createUser(user: NewUser, actor: string): Promise<UserRow | null>;
  getUser(id: string): Promise<UserRow | null>;
  getUserByUsername(username: string): Promise<UserRow | null>;
  listUsers(): Promise<UserRow[]>;
  /**
   * Changes a password, a name, a scope, the publish right or a department's organisation, or
   * disables (enables) an account. Audited. A new password and disabling end the account's sessions
   * at once in the same transaction; a password change keeps `keepSession` (the user's own).
   */
  updateUser(
    id: string,
    patch: Partial<
      Pick<UserRow, 'passwordHash' | 'disabled' | 'scope' | 'canPublish' | 'name' | 'organisation'>
    >,
    actor: string,
    keepSession?: string,
  ): Promise<UserRow | null>;

  /**
   * The login throttle's failure counts, shared by every process on the store: in one
   * transaction, forgets failures at or before `since`, and when no key is at its limit records a
   * failure at `at` for each key. Not audited (the route audits failed logins).
   */
  countLoginFailure(attempt: LoginAttempt): Promise<LoginCount>;
  /** A successful login: forgets every failure of `clearKey` and the failures `ids`. */
  forgiveLogin(clearKey: string, ids: readonly number[]): Promise<void>;
  /**
   * The public opinions' counts per address (issue 13's limits, shared by every process on the
   * store): in one transaction, forgets counts older than every window, and when no key is at its
   * limit within its own window records one at `at` for each key. A new key beyond `maxKeys` is
   * not remembered (the opinion goes through). Not audited: the opinion itself is.
   */
  countOpinion(attempt: OpinionAttempt): Promise<OpinionCount>;

  createSession(session: SessionRow): Promise<void>;
  getSession(id: string): Promise<SessionRow | null>;
  deleteSession(id: string): Promise<void>;
  /** Drops sessions that expired before `now` (ISO); returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;

  /** The newest saved version of a plan's geometry, or null before the first save. */
  latestGeometry(planId: string): Promise<GeometryVersion | null>;
  getGeometry(planId: string, version: number): Promise<GeometryVersion | null>;
  /** Every saved version of a plan, newest first, without their features (only their count). */
  listVersions(planId: string): Promise<VersionSummary[]>;
  /**
   * Saves a new version if the newest is still `baseVersion` (0: none yet) and the plan's stage takes
   * saves (`checkSave`), in one transaction with its audit entry; otherwise returns the current
   * version or the refusal and writes nothing.
   */
  saveGeometry(
    planId: string,
    baseVersion: number,
    features: Feature[],
    actor: string,
    comment: string,
  ): Promise<SaveResult>;

  /**
   * Moves a plan from `from` to `to` if it is still in `from`; one transaction with its audit entry.
   * The event records the newest saved version, read in the same transaction.
   */
  moveStage(
    planId: string,
    from: StageId,
    to: StageId,
    actor: string,
    comment: string,
  ): Promise<MoveResult>;
  listStageEvents(planId: string): Promise<StageEvent[]>;

  /**
   * Freezes a publication and moves the plan to 公告实施 in one transaction with its audit entry.
   * Refused (false) when the plan is not in `fromStage` any more.
   */
  publish(publication: Publication, fromStage: StageId, actor: string): Promise<boolean>;
  /** The newest publication of a plan. */
  getPublication(planId: string): Promise<Publication | null>;
  /** The newest publication of every plan that has one. */
  listPublications(): Promise<Publication[]>;
  /** Which publication is the newest (version and ETag), without reading its zones and markers. */
  publicationTag(planId: string): Promise<{ version: number; etag: string } | null>;

  addComment(comment: NewComment, actor: string): Promise<CommentRow>;
  listComments(planId: string): Promise<CommentRow[]>;
  /**
   * Resolves a comment of a plan with a reply, once; refused `live.comment.unknown` {id} (no such
   * comment on the plan) or `live.comment.alreadyResolved` {id, by, at}. Audited.
   */
  resolveComment(
    planId: string,
    id: number,
    reply: string,
    actor: string,
  ): Promise<ReviewWrite<CommentRow>>;

  getSettings(): Promise<Settings>;
  setSettings(patch: Partial<Settings>, actor: string): Promise<Settings>;

  // 意见征求, 公示 and 验收 (issue 13). Records are written once, each write one transaction with its
  // audit entry; reads return them oldest first. Unknown plan ids: reads give [] or null.

  /** Opens a round; refused (`review.consultation.wrongStage`) unless the plan is at 意见征求. */
  openConsultation(
    round: Omit<Consultation, 'id' | 'openedAt'>,
    actor: string,
  ): Promise<ReviewWrite<Consultation>>;
  getConsultation(id: number): Promise<Consultation | null>;
  /** The rounds of a plan. */
  listConsultations(planId: string): Promise<Consultation[]>;
  /** The rounds that consult a department account, every plan. */
  consultationsOf(userId: string): Promise<Consultation[]>;
  /**
   * A department's reply; refused when it already replied to the round
   * (`review.reply.already`). The route checks the deadline and the stage first.
   */
  addReply(reply: Omit<Reply, 'id' | 'at' | 'answer'>, actor: string): Promise<ReviewWrite<Reply>>;
  getReply(id: number): Promise<Reply | null>;
  /** The replies to every round of a plan, with their answers. */
  listReplies(planId: string): Promise<Reply[]>;
  /** Answers a reply once; refused when answered already (`review.answer.already`). */
  answerReply(id: number, answer: Omit<Answer, 'at'>, actor: string): Promise<ReviewWrite<Reply>>;

  /** Starts a display period; refused (`review.display.wrongStage`) unless at 成果文件制作与验收. */
  startDisplay(
    period: Omit<DisplayPeriod, 'id' | 'startedAt'>,
    actor: string,
  ): Promise<ReviewWrite<DisplayPeriod>>;
  listDisplays(planId: string): Promise<DisplayPeriod[]>;
  /** A citizen's opinion (the route checks the period and the limits first); audited as public. */
  addPublicOpinion(
    opinion: Omit<PublicOpinion, 'id' | 'at' | 'answer'>,
    actor: string,
  ): Promise<PublicOpinion>;
  getPublicOpinion(id: number): Promise<PublicOpinion | null>;
  listPublicOpinions(planId: string): Promise<PublicOpinion[]>;
  /** Answers a citizen's opinion once (`review.answer.already`). */
  answerPublicOpinion(
    id: number,
    answer: Omit<Answer, 'at'>,
    actor: string,
  ): Promise<ReviewWrite<PublicOpinion>>;

  /** Records an acceptance (its file is already in the file store, named by its SHA-256). */
  addAcceptance(
    record: Omit<AcceptanceRecord, 'id' | 'recordedAt'>,
    actor: string,
  ): Promise<AcceptanceRecord>;
  listAcceptances(planId: string): Promise<AcceptanceRecord[]>;
  getAcceptance(id: number): Promise<AcceptanceRecord | null>;

  // River courses (河道底图, issue 18): versions per waterbody, numbered 1, 2, …, never deleted; only
  // a version's public flag changes. Every write one transaction with its audit entry
  // (`course.import`, `course.public`, target `river:<id>`).

  /** Stores the next version of a waterbody's course; refused public unless declassified. */
  addCourse(course: NewCourse, actor: string): Promise<ReviewWrite<CourseVersion>>;
  /** Every course version (of one waterbody, or all), newest first, without features. */
  listCourses(riverId?: string): Promise<CourseSummary[]>;
  getCourse(riverId: string, version: number): Promise<CourseVersion | null>;
  /**
   * Makes a version public or staff-only; refused `courses.noVersion` or (public)
   * `courses.public.notDeclassified`.
   */
  setCoursePublic(
    riverId: string,
    version: number,
    isPublic: boolean,
    actor: string,
  ): Promise<ReviewWrite<CourseSummary>>;

  // Supervision (issue 14): reports are append-only revisions, reminders are append-only, each
  // write one transaction with its audit entry (`report.submit`, `report.remind`, target
  // `report:<unit>:<month>`). Draft lengths are derived figures, kept once per saved version so
  // that a later rule change does not rewrite a past month (not audited: nobody writes them).

  /** Every stage move, saved version and publication of every plan, oldest first. */
  listHistory(): Promise<StoreHistory>;
  /** Stores the next revision of a unit's report of a month. */
  addReport(report: NewReport, actor: string): Promise<ReportRow>;
  getReport(id: number): Promise<ReportRow | null>;
  /** Every revision, oldest first; of one month or of every month. */
  listReports(month?: string): Promise<ReportRow[]>;
  addReminder(reminder: Omit<ReminderRow, 'id'>, actor: string): Promise<ReminderRow>;
  /** Every reminder, oldest first; of one month or of every month. */
  listReminders(month?: string): Promise<ReminderRow[]>;
  /** The measured management-line length of saved versions (the first measurement stays). */
  listDraftLengths(): Promise<{ planId: string; version: number; lengthM: number }[]>;
  recordDraftLength(planId: string, version: number, lengthM: number): Promise<void>;

  /** An online backup to a file (SQLite backup API; consistent while the server runs). */
  backup(path: string): Promise<void>;
  close(): Promise<void>;
}

/** The plan-workflow part of the store, implemented once per store kind. */
export type WorkflowMethods = Pick<
  Store,
  | 'latestGeometry'
  | 'getGeometry'
  | 'listVersions'
  | 'saveGeometry'
  | 'moveStage'
  | 'listStageEvents'
  | 'publish'
  | 'getPublication'
  | 'listPublications'
  | 'publicationTag'
  | 'addComment'
  | 'listComments'
  | 'resolveComment'
>;

/** The review part of the store (意见征求, 公示, 验收), implemented once per store kind. */
export type ReviewMethods = Pick<
  Store,
  | 'openConsultation'
  | 'getConsultation'
  | 'listConsultations'
  | 'consultationsOf'
  | 'addReply'
  | 'getReply'
  | 'listReplies'
  | 'answerReply'
  | 'startDisplay'
  | 'listDisplays'
  | 'addPublicOpinion'
  | 'getPublicOpinion'
  | 'listPublicOpinions'
  | 'answerPublicOpinion'
  | 'addAcceptance'
  | 'listAcceptances'
  | 'getAcceptance'
>;

/** The river-course part of the store (issue 18), implemented once per store kind. */
export type CourseMethods = Pick<
  Store,
  'addCourse' | 'listCourses' | 'getCourse' | 'setCoursePublic'
>;

/** The supervision part of the store (issue 14) but its history read, implemented once per store kind. */
export type ReportMethods = Pick<
  Store,
  | 'addReport'
  | 'getReport'
  | 'listReports'
  | 'addReminder'
  | 'listReminders'
  | 'listDraftLengths'
  | 'recordDraftLength'
>;
