import type { Waterbody } from '../../domain/rivers/waterbody';
import { INITIAL_STAGE } from '../../domain/workflow/stages';
import type { AuditEntry, PlanRow, SeedData, Store, StoreInfo } from './store';

/** The in-memory twin of the SQLite store, for unit tests. Returns copies, never its own state. */
export function createMemoryStore(clock: () => Date = () => new Date()): Store {
  let plans: PlanRow[] = [];
  let waterbodies: Waterbody[] = [];
  const audit: AuditEntry[] = [];
  let seededAt: string | null = null;
  const copy = <T>(v: T): T => structuredClone(v);
  return {
    async info(): Promise<StoreInfo> {
      return { kind: 'memory', location: null, schemaVersion: 1, seededAt };
    },
    async seedIfEmpty(data: SeedData, actor: string) {
      if (plans.length > 0) return { seeded: false };
      const at = clock().toISOString();
      plans = data.plans.map((record) => ({
        record: copy(record),
        stage: INITIAL_STAGE,
        updatedAt: at,
      }));
      waterbodies = copy([...data.waterbodies]);
      seededAt = at;
      audit.push({
        id: audit.length + 1,
        at,
        actor,
        action: 'seed',
        target: 'register',
        detail: { source: data.source, plans: plans.length, waterbodies: waterbodies.length },
      });
      return { seeded: true };
    },
    async listPlans() {
      return copy(plans);
    },
    async getPlan(id: string) {
      return copy(plans.find((p) => p.record.id === id) ?? null);
    },
    async listWaterbodies() {
      return copy(waterbodies);
    },
    async listAudit(target?: string) {
      return copy(audit.filter((a) => target === undefined || a.target === target));
    },
    async close() {},
  };
}
