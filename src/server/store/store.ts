import type { PlanRecord } from '../../domain/plans/plan';
import type { Waterbody } from '../../domain/rivers/waterbody';
import type { StageId } from '../../domain/workflow/stages';

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
  kind: 'sqlite' | 'memory';
  location: string | null;
  schemaVersion: number;
  seededAt: string | null;
}

/**
 * Persistence behind one interface (SQLite for real, memory for fast tests; PostgreSQL can be
 * added without touching routes). Asynchronous so that a networked store fits.
 */
export interface Store {
  info(): Promise<StoreInfo>;
  /** Loads the seed into an empty store, in one transaction; a no-op when already seeded. */
  seedIfEmpty(data: SeedData, actor: string): Promise<{ seeded: boolean }>;
  listPlans(): Promise<PlanRow[]>;
  getPlan(id: string): Promise<PlanRow | null>;
  listWaterbodies(): Promise<Waterbody[]>;
  listAudit(target?: string): Promise<AuditEntry[]>;
  close(): Promise<void>;
}
