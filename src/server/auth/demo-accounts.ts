// Demo accounts, seeded only in demo mode (`npm start` without HEJIE_MODE=production): one per role,
// with passwords that say they are demo passwords. Production seeds none.
import type { NewUser, Store } from '../store/store';
import { hashPassword } from './password';

type DemoAccount = Omit<NewUser, 'passwordHash'> & { password: string };

/** The demo accounts (listed in docs/security.md and the README). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    password: 'demo-admin',
    name: '演示管理员',
    role: 'admin',
    person: null,
    scope: { level: 'all', counties: [] },
    canPublish: false,
  },
  {
    username: 'planner',
    password: 'demo-planner',
    name: '演示规划员 (市水利局)',
    role: 'planner',
    person: null,
    scope: { level: 'all', counties: [] },
    canPublish: true,
  },
  {
    username: 'planner-lingshan',
    password: 'demo-planner-lingshan',
    name: '演示规划员 (灵山县水利局)',
    role: 'planner',
    person: null,
    scope: { level: 'county', counties: ['450721'] },
    canPublish: false,
  },
  {
    username: 'gaopu',
    password: 'demo-gaopu',
    name: '高朴',
    role: 'chief',
    person: '高朴',
    scope: { level: 'all', counties: [] },
    canPublish: false,
  },
  {
    username: 'chenjianjun',
    password: 'demo-chenjianjun',
    name: '陈建军',
    role: 'chief',
    person: '陈建军',
    scope: { level: 'all', counties: [] },
    canPublish: false,
  },
];

/** Creates the demo accounts that do not exist yet; returns the usernames created. */
export async function seedDemoAccounts(store: Store, actor: string): Promise<string[]> {
  const created: string[] = [];
  const missing: (typeof DEMO_ACCOUNTS)[number][] = [];
  for (const a of DEMO_ACCOUNTS) if (!(await store.getUserByUsername(a.username))) missing.push(a);
  // scrypt runs on libuv's thread pool: hashing in parallel halves the first start on 2 cores
  const hashes = await Promise.all(missing.map((a) => hashPassword(a.password)));
  for (const [i, { password: _, ...account }] of missing.entries()) {
    const user = await store.createUser({ ...account, passwordHash: hashes[i] as string }, actor);
    if (user) created.push(user.username);
  }
  return created;
}
