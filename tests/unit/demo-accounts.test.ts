// The demo accounts carry ready-made hashes of their public passwords: each must match.
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/server/auth/demo-accounts';
import { verifyPassword } from '../../src/server/auth/password';

describe('demo accounts', () => {
  it('store a hash that matches each public demo password, and no other', async () => {
    for (const a of DEMO_ACCOUNTS) {
      expect(await verifyPassword(a.password, a.passwordHash), a.username).toBe(true);
      expect(await verifyPassword(`${a.password}x`, a.passwordHash), a.username).toBe(false);
    }
  });
});
