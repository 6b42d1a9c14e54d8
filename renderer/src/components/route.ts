import { useSyncExternalStore } from 'react';

/** Hash routes, so the Electron custom protocol and the web host need no server-side routing. */
export type Route = { name: 'portfolio' } | { name: 'customer'; id: number };

export function parseRoute(hash: string): Route {
  const m = /^#\/clientes\/(\d+)/.exec(hash);
  return m ? { name: 'customer', id: Number(m[1]) } : { name: 'portfolio' };
}

export function hrefFor(route: Route): string {
  return route.name === 'customer' ? `#/clientes/${route.id}` : '#/';
}

export function navigate(route: Route) {
  window.location.hash = hrefFor(route);
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
