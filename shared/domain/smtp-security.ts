/**
 * How the app talks to an SMTP server. Mail leaves encrypted, with the server's certificate verified:
 * 'tls' = implicit TLS from the first byte (port 465), 'starttls' = plain connection upgraded with STARTTLS,
 * refused when the server does not offer it (port 587). 'none' sends in the clear and is only for a relay on
 * this machine or the company's own network (a local Postfix, an antivirus gateway).
 */
export type SmtpSecurity = 'tls' | 'starttls' | 'none';

export const SMTP_DEFAULT_PORT: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 };

const PRIVATE_IPV4 = [/^127\./, /^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./];
const LOCAL_SUFFIXES = ['.localhost', '.local', '.lan', '.internal', '.home.arpa'];

/**
 * Whether `host` names this machine or the local network: loopback and private IPv4 ranges, IPv6 loopback
 * and unique-local (fc00::/7), `localhost`, names under local-only suffixes and single-label names ("relay").
 */
export function isLocalRelayHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === '') return false;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(h)) return PRIVATE_IPV4.some((re) => re.test(h));
  if (h.includes(':')) return h === '::1' || /^f[cd][0-9a-f]{0,2}:/.test(h);
  if (h === 'localhost' || LOCAL_SUFFIXES.some((s) => h.endsWith(s))) return true;
  return !h.includes('.');
}
