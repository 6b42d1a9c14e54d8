import { useSyncExternalStore } from 'react';
import type { UsersStatus } from '../../../../shared/ipc/users.contract';
import { api } from '../../api/client';

/** The backend's answer to `users.status`: who is logged in, whether locked. The backend decides; this mirrors it. */
let status: UsersStatus | null = null;
const listeners = new Set<() => void>();

function publish(next: UsersStatus | null) {
  status = next;
  for (const l of listeners) l();
}

export const session = {
  async refresh(): Promise<UsersStatus> {
    const next = await api.invoke('users.status', {});
    publish(next);
    return next;
  },
  async logOut() {
    await api.invoke('users.logout', {});
    await session.refresh();
  },
  async lock() {
    await api.invoke('users.lock', {});
    await session.refresh();
  },
};

export function useSession(): UsersStatus | null {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => status,
  );
}

/**
 * Whether the logged-in user may change the admin-only settings (company, sending, credit policy and weights):
 * an administrator, or anyone when the backend runs without login. The backend enforces it; this spares a clerk
 * filling in a form only to be refused on save.
 */
export function useCanAdminister(): boolean {
  const status = useSession();
  return !status?.authRequired || status.user?.role === 'admin';
}
