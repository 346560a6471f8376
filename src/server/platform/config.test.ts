import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('defaults to PGlite in ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database.kind).toBe('pglite');
    expect(c.demo).toBe(true);
    expect(c.cookieSecure).toBe(false);
  });

  it('selects PostgreSQL from DATABASE_URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u@localhost/db', prepared: true });
  });

  it('turns the prepared look-ups off behind a pooler in transaction mode (DATABASE_PREPARED)', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@localhost/db', DATABASE_PREPARED: 'false' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u@localhost/db', prepared: false });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@localhost/db', DATABASE_PREPARED: 'maybe' })).toThrow(
      /DATABASE_PREPARED="maybe"/,
    );
  });

  it('takes a read replica beside DATABASE_URL only', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@primary/db', DATABASE_READ_URL: 'postgres://u@replica/db' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u@primary/db', readUrl: 'postgres://u@replica/db', prepared: true });
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://u@replica/db' })).toThrow(/DATABASE_READ_URL=.*needs DATABASE_URL/s);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@primary/db', DATABASE_READ_URL: 'mysql://x' })).toThrow(/DATABASE_READ_URL=/);
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', TRUST_PROXY: 'perhaps' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toMatch(/PORT="70000"/);
      expect(msg).toMatch(/DATABASE_URL=/);
      expect(msg).toMatch(/TRUST_PROXY=/);
    }
  });

  it('never seeds the demo in production, and marks cookies Secure behind TLS', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).cookieSecure).toBe(true);
  });

  it('takes TRUST_PROXY as a list of proxy addresses and CIDR ranges, as Fastify does', () => {
    const c = loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8' });
    expect(c.trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8']);
    expect(c.cookieSecure).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'yes' }).trustProxy).toBe(true);
  });

  it('refuses a TRUST_PROXY entry that is no address, naming the variable and the entry', () => {
    for (const bad of ['10.0.0.5,proxy.local', '10.0.0.0/33', '10.0.0.5/', ',']) {
      try {
        loadConfig({ TRUST_PROXY: bad });
        expect.unreachable(bad);
      } catch (err) {
        expect(err, bad).toBeInstanceOf(ConfigError);
        expect((err as Error).message).toMatch(/TRUST_PROXY=/);
        expect((err as Error).message).toMatch(/comma-separated list of proxy addresses/);
      }
    }
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.5,proxy.local' })).toThrow(/not an address: proxy\.local/);
  });
});
