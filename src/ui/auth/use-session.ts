import { useCallback, useEffect, useState } from 'react';
import type { Session } from '../api';
import { fetchMe, requestJson } from '../api';

/**
 * This browser's session: restored from GET /api/me on load, set by a login, ended by a logout.
 * `ready` turns true once the server has said who is asking.
 */
export function useSession() {
  const [session, setSession] = useState<Session | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    fetchMe()
      .then((s) => live && setSession(s))
      // the public view works without it; a failed check simply leaves the visitor logged out
      .catch(() => live && setSession(null))
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);

  const logout = useCallback(async () => {
    await requestJson('/api/logout', { method: 'POST', body: {}, csrf: session?.csrf });
    setSession(null);
  }, [session]);

  return { session, ready, setSession, logout };
}
