// Demo accounts, seeded only in demo mode (`npm start` without HEJIE_MODE=production): one per role,
// with passwords that say they are demo passwords. Production seeds none.
import type { NewUser, Store } from '../store/store';

/**
 * A demo account: its public password and that password's scrypt hash, made once (the passwords are
 * public, so nothing is hidden by hashing them again; hashing seven took ~0.3 s of a first start).
 * A unit test checks that every hash matches its password.
 */
type DemoAccount = NewUser & { password: string };

/** The demo accounts (listed in docs/security.md and the README). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    password: 'demo-admin',
    passwordHash:
      'scrypt$32768$8$1$pY6qBXBgt42lGqSQRVh01w$L_7muVAf74UJYA-n1qk4mSmMfHNLSb2hyHdUPjqMnVA',
    name: '演示管理员',
    role: 'admin',
    person: null,
    scope: { level: 'all', counties: [] },
    canPublish: false,
  },
  {
    username: 'planner',
    password: 'demo-planner',
    passwordHash:
      'scrypt$32768$8$1$bCS6BW0EKadEqVPBfBaoJQ$tGiEP68ZmFiRgDC9lNrpnIc4uRI41WHbpGMk1fkH0vY',
    name: '演示规划员 (市水利局)',
    role: 'planner',
    person: null,
    scope: { level: 'all', counties: [] },
    canPublish: true,
  },
  {
    username: 'planner-lingshan',
    password: 'demo-planner-lingshan',
    passwordHash:
      'scrypt$32768$8$1$HsujQXeUJ2auP10Yr7XK7g$f-ZKu5fG104p5iDhzxqVvFugTP-PZOZzIV5AM3PYtz8',
    name: '演示规划员 (灵山县水利局)',
    role: 'planner',
    person: null,
    scope: { level: 'county', counties: ['450721'] },
    canPublish: false,
  },
  {
    username: 'gaopu',
    password: 'demo-gaopu',
    passwordHash:
      'scrypt$32768$8$1$TPCFr_3tshyMy_Ayu98X9w$336I1DMiEt4XiYENIrX3MtsIwIN9sPSi-x5wQUcQLRs',
    name: '高朴',
    role: 'chief',
    person: '高朴',
    scope: { level: 'all', counties: [] },
    canPublish: false,
  },
  {
    username: 'chenjianjun',
    password: 'demo-chenjianjun',
    passwordHash:
      'scrypt$32768$8$1$QYKYfRaOAvXWuE5aIXdCEQ$OVb9kkURfrH3FPqG0jyEGEfU-P_cBx-o-e5rCp59e4E',
    name: '陈建军',
    role: 'chief',
    person: '陈建军',
    scope: { level: 'all', counties: [] },
    canPublish: false,
  },
  {
    username: 'dept-sthj',
    password: 'demo-dept-sthj',
    passwordHash:
      'scrypt$32768$8$1$b15bHDmb-ED_1orabblSUw$hqFxbMHhMWxM3FQ4ltHo1KCcgF2jUKePZKgHUKzQJDM',
    name: '演示部门联络员 (市生态环境局)',
    role: 'department',
    organisation: '市生态环境局',
    person: null,
    scope: { level: 'all', counties: [] },
    canPublish: false,
  },
  {
    username: 'dept-zrzy',
    password: 'demo-dept-zrzy',
    passwordHash:
      'scrypt$32768$8$1$EtQAe47cS_trzXrca9aTig$TPa27sY1GxTUxkzUpQHpa71pJcwzxcddq-aHngbiD9g',
    name: '演示部门联络员 (市自然资源局)',
    role: 'department',
    organisation: '市自然资源局',
    person: null,
    scope: { level: 'all', counties: [] },
    canPublish: false,
  },
];

/** Creates the demo accounts that do not exist yet; returns the usernames created. */
export async function seedDemoAccounts(store: Store, actor: string): Promise<string[]> {
  const created: string[] = [];
  const missing: (typeof DEMO_ACCOUNTS)[number][] = [];
  for (const a of DEMO_ACCOUNTS) if (!(await store.getUserByUsername(a.username))) missing.push(a);
  for (const { password: _, ...account } of missing) {
    const user = await store.createUser(account, actor);
    if (user) created.push(user.username);
  }
  return created;
}
