import { useSyncExternalStore } from 'react';

/** Hash routes, so the Electron custom protocol and the web host need no server-side routing. */
export type Route =
  | { name: 'portfolio' }
  | { name: 'queue' }
  | { name: 'ladder' }
  | { name: 'outbox' }
  | { name: 'bankReturns' }
  | { name: 'dashboard' }
  | { name: 'customer'; id: number }
  | { name: 'negotiation'; customerId: number }
  | { name: 'agreement'; id: number }
  | { name: 'imports' }
  | { name: 'credit' }
  | { name: 'reports' }
  | { name: 'companySettings' }
  | { name: 'security' }
  | { name: 'users' };

export function parseRoute(hash: string): Route {
  if (hash.startsWith('#/painel')) return { name: 'dashboard' };
  if (hash.startsWith('#/retorno-bancario')) return { name: 'bankReturns' };
  if (hash.startsWith('#/fila')) return { name: 'queue' };
  if (hash.startsWith('#/regua')) return { name: 'ladder' };
  if (hash.startsWith('#/envios')) return { name: 'outbox' };
  const negotiation = /^#\/clientes\/(\d+)\/negociar/.exec(hash);
  if (negotiation) return { name: 'negotiation', customerId: Number(negotiation[1]) };
  const agreement = /^#\/acordos\/(\d+)/.exec(hash);
  if (agreement) return { name: 'agreement', id: Number(agreement[1]) };
  if (hash.startsWith('#/credito')) return { name: 'credit' };
  if (hash.startsWith('#/relatorios')) return { name: 'reports' };
  if (hash.startsWith('#/configuracoes/empresa')) return { name: 'companySettings' };
  if (hash.startsWith('#/seguranca')) return { name: 'security' };
  if (hash.startsWith('#/usuarios')) return { name: 'users' };
  if (hash.startsWith('#/importar')) return { name: 'imports' };
  const m = /^#\/clientes\/(\d+)/.exec(hash);
  return m ? { name: 'customer', id: Number(m[1]) } : { name: 'portfolio' };
}

export function hrefFor(route: Route): string {
  if (route.name === 'dashboard') return '#/painel';
  if (route.name === 'bankReturns') return '#/retorno-bancario';
  if (route.name === 'queue') return '#/fila';
  if (route.name === 'ladder') return '#/regua';
  if (route.name === 'outbox') return '#/envios';
  if (route.name === 'negotiation') return `#/clientes/${route.customerId}/negociar`;
  if (route.name === 'agreement') return `#/acordos/${route.id}`;
  if (route.name === 'credit') return '#/credito';
  if (route.name === 'reports') return '#/relatorios';
  if (route.name === 'companySettings') return '#/configuracoes/empresa';
  if (route.name === 'security') return '#/seguranca';
  if (route.name === 'users') return '#/usuarios';
  if (route.name === 'imports') return '#/importar';
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
