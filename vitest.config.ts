import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts'],
          environment: 'node',
          // one throwaway PostgreSQL + PostGIS cluster for the run (the stores' third kind)
          globalSetup: ['tests/helpers/pg-global-setup.ts'],
        },
      },
      {
        test: {
          // the core API files again, on PostgreSQL (tests/helpers/test-store.ts)
          name: 'api-pg',
          include: ['tests/api/auth.test.ts', 'tests/api/workflow.test.ts'],
          environment: 'node',
          env: { HEJIE_TEST_STORE: 'postgres' },
          globalSetup: ['tests/helpers/pg-global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
