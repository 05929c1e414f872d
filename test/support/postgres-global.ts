import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { seedPostcodes } from '../../src/features/registry/index.js';
import { adminQuery, startPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Global set-up of the "postgres" test project: one throwaway server for the run, and a template
 * database with every migration applied, which each test file copies (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const server = startPostgres(await freePort());
  await adminQuery(server.url, 'CREATE DATABASE landsby_template');
  const template = await openPostgres(server.url.replace(/\/postgres$/, '/landsby_template'));
  await migrate(template);
  await seedPostcodes(template);
  await template.close();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
