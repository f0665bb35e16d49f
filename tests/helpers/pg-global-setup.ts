// vitest globalSetup: ONE throwaway PostgreSQL cluster per test run, its admin URL provided to the
// tests (`inject('pgAdminUrl')`), stopped and removed at the end.
import type { TestProject } from 'vitest/node';
import { startPgCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPgCluster();
  project.provide('pgAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
