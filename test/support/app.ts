import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type AppOptions, buildApp } from '../../src/app/build-app.js';
import { createMailer } from '../../src/channels/email.js';
import type { Database } from '../../src/db/connection.js';
import { type Config, loadConfig } from '../../src/server/config.js';
import { createTestDatabase } from './database.js';
import { TEST_PASSWORD } from './factories.js';
import { startSmtp, type TestSmtp } from './smtp.js';

export interface TestEnv {
  app: FastifyInstance;
  db: Database;
  config: Config;
  smtp: TestSmtp;
  close(): Promise<void>;
}

/** The whole server on a fresh database, with e-mail going to a real SMTP server on loopback. */
export async function createTestEnv(
  env: Record<string, string> = {},
  logger: AppOptions['logger'] = false,
): Promise<TestEnv> {
  const smtp = await startSmtp();
  const db = await createTestDatabase();
  const config = loadConfig({
    DATA_DIR: '.tmp/test-data',
    SECRET_KEY: 'test-secret-key-that-is-long-enough-32',
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'http://landsby.test',
    DEMO_DATA: 'false',
    ...env,
  });
  const app = await buildApp({ config, db, mailer: createMailer(config), logger });
  await app.ready();
  return {
    app,
    db,
    config,
    smtp,
    async close() {
      await app.close();
      await db.close();
      await smtp.close();
    },
  };
}

/**
 * A browser-like client over app.inject: keeps cookies and sends the CSRF header on
 * state-changing requests, as the web app does.
 */
export class Agent {
  private cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const method = (options.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && options.csrf !== false && !this.cookies.has('landsby.csrf')) {
      await this.request({ method: 'GET', url: '/api/session', remoteAddress: options.remoteAddress });
    }
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (this.cookies.size) headers.cookie = this.cookieHeader;
    if (method !== 'GET' && options.csrf !== false)
      headers['x-csrf-token'] = this.cookies.get('landsby.csrf') ?? '';
    const response = await this.app.inject({ ...options, headers });
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const cleared = c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (cleared) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  }
  put(url: string, payload?: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }
}

export async function loginAs(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Agent> {
  const agent = new Agent(app);
  const response = await agent.post('/api/auth/login', { email, password });
  if (response.statusCode !== 200)
    throw new Error(`login as ${email} failed: ${response.statusCode} ${response.body}`);
  return agent;
}
