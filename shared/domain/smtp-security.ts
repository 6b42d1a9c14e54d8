/**
 * How the app talks to an SMTP server. Mail leaves encrypted, with the server's certificate verified:
 * 'tls' = implicit TLS from the first byte (port 465), 'starttls' = plain connection upgraded with STARTTLS,
 * refused when the server does not offer it (port 587). 'none' sends in the clear and is only for a relay on
 * this machine or the company's own network (a local Postfix, an antivirus gateway), given by its IP address.
 */
export type SmtpSecurity = 'tls' | 'starttls' | 'none';

export const SMTP_DEFAULT_PORT: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 };

const PRIVATE_IPV4 = [/^127\./, /^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./];

/**
 * Whether `host` is surely this machine or the local network: `localhost`, or an IP literal in the loopback or
 * private ranges (IPv4 127/8, 10/8, 172.16/12, 192.168/16; IPv6 ::1 and unique-local fc00::/7). Names are not
 * trusted, even "relay" or "mail.lan": through the system's DNS search domains they can resolve to a public
 * address, and mail sent there in the clear would cross the internet.
 */
export function isLocalRelayHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(h)) return h.split('.').every((n) => Number(n) <= 255) && PRIVATE_IPV4.some((re) => re.test(h));
  if (/^[0-9a-f:.]+$/.test(h) && h.includes(':')) return h === '::1' || /^f[cd][0-9a-f]{0,2}:/.test(h);
  return false;
}
