import { useCallback, useEffect, useState } from 'react';
import type { Session } from '../api';
import { fetchMe, requestJson } from '../api';

/**
 * This browser's session: restored from GET /api/me on load, set by a login, ended by a logout.
 * For the public the check changes no state, so the first screen does not render twice.
 */
export function useSession() {
  const [session, setSession] = useState<Session | null>(null);

  useEffect(() => {
    let live = true;
    fetchMe()
      .then((s) => {
        if (live && s) setSession(s);
      })
      // the public view works without it; a failed check simply leaves the visitor logged out
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const logout = useCallback(async () => {
    const { logoutSchema } = await import('../api-contract');
    await requestJson('/api/logout', logoutSchema, {
      method: 'POST',
      body: {},
      csrf: session?.csrf,
    });
    setSession(null);
  }, [session]);

  return { session, setSession, logout };
}
