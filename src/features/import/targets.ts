// The import's targets are pure rules the web app needs too: they live in domain/import-targets.ts.
export * from '../../domain/import-targets.js';
