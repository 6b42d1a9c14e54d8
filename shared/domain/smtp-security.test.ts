import { describe, expect, it } from 'vitest';
import { isLocalRelayHost, SMTP_DEFAULT_PORT } from './smtp-security';

describe('isLocalRelayHost: where an unencrypted SMTP relay is acceptable', () => {
  it('accepts this machine and private-network IP addresses', () => {
    for (const host of ['localhost', ' LocalHost ', '127.0.0.1', '127.8.9.10', '10.0.0.5', '172.16.0.1', '172.31.255.254', '192.168.1.20', '::1', '[::1]', 'fd12:3456::25'])
      expect(isLocalRelayHost(host), host).toBe(true);
  });

  it('refuses public addresses and names, and an empty host', () => {
    for (const host of ['smtp.gmail.com', 'mail.empresa.com.br', '8.8.8.8', '172.32.0.1', '172.15.0.1', '192.169.0.1', '11.0.0.1', '2001:db8::1', 'localhost.com.br', '192.168.1.999', ''])
      expect(isLocalRelayHost(host), host).toBe(false);
  });

  it('refuses names that only look local: DNS search domains can make them public', () => {
    for (const host of ['relay', 'mail.local', 'smtp.empresa.lan', 'postfix.internal', 'MAIL.HOME.ARPA', 'x.localhost', 'fd-relay', 'fc:relay'])
      expect(isLocalRelayHost(host), host).toBe(false);
  });

  it('suggests the usual port of each mode', () => {
    expect(SMTP_DEFAULT_PORT).toEqual({ tls: 465, starttls: 587, none: 25 });
  });
});
