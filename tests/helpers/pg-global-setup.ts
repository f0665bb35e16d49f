// vitest globalSetup: ONE throwaway PostgreSQL cluster per test run, its admin URL provided to the
// tests (`inject('pgAdminUrl')`, and HEJIE_TEST_PG_ADMIN for the workers), stopped and removed at
// the end. The projects that name this file share the first one's cluster.
import type { TestProject } from 'vitest/node';
import { startPgCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

let started: Promise<{ adminUrl: string; stop: () => void }> | null = null;

export default async function setup(project: TestProject) {
  const first = started === null;
  started ??= startPgCluster();
  const cluster = await started;
  project.provide('pgAdminUrl', cluster.adminUrl);
  process.env.HEJIE_TEST_PG_ADMIN = cluster.adminUrl;
  if (!first) return;
  return () => cluster.stop();
}
