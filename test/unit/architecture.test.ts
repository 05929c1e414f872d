import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house's rules (docs/architecture.md, "Rules"), checked over every import in src/, the way
 * the tenancy test walks the route table: a new file that breaks one fails here with its name.
 * Import cycles are Biome's (noImportCycles, type-only imports included), run by `npm test`.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

interface SourceFile {
  /** Path below src/, with forward slashes: "features/answers/service.ts". */
  path: string;
  text: string;
  lines: number;
  imports: Import[];
}

interface Import {
  /** Path below src/ of the imported file without its extension, or the package name. */
  target: string;
  local: boolean;
  typeOnly: boolean;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`, over several lines.
const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[\w*${},\s]*?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(path: string, text: string): Import[] {
  const found: Import[] = [];
  const add = (spec: string, typeOnly: boolean) => {
    const local = spec.startsWith('.');
    const target = local
      ? relative(SRC, resolve(dirname(join(SRC, path)), spec))
          .split('\\')
          .join('/')
          .replace(/\.(js|ts|tsx)$/, '')
      : spec;
    found.push({ target, local, typeOnly });
  };
  for (const m of text.matchAll(IMPORT)) add(m[3] ?? '', Boolean(m[2]));
  for (const m of text.matchAll(DYNAMIC_IMPORT)) add(m[1] ?? '', false);
  return found;
}

const files: SourceFile[] = walk(SRC)
  .filter((p) => /\.(ts|tsx|css)$/.test(p))
  .map((full) => {
    const path = relative(SRC, full).split('\\').join('/');
    const text = readFileSync(full, 'utf8');
    return {
      path,
      text,
      lines: text.split('\n').length,
      imports: /\.tsx?$/.test(path) ? importsOf(path, text) : [],
    };
  });
const code = files.filter((f) => /\.tsx?$/.test(f.path));

const top = (path: string) => path.split('/')[0] ?? '';
/** "features/answers/service" → "answers"; anything else → null. */
const featureOf = (path: string) => (path.startsWith('features/') ? (path.split('/')[1] ?? null) : null);
/** The file's path inside its feature: "features/answers/queries/waiting.ts" → "queries/waiting.ts". */
const inFeature = (path: string) => path.split('/').slice(2).join('/');
const isQueries = (path: string) => /^features\/[^/]+\/queries(\/[^/]+)?(\.ts)?$/.test(path);
const isContract = (path: string) => /^features\/[^/]+\/contract(\.ts)?$/.test(path);
const isIndex = (path: string) => /^features\/[^/]+\/index(\.ts)?$/.test(path);

/** Every local import that breaks `rule`, as "file → target" lines, so a failure names them. */
function breaking(rule: (file: SourceFile, target: Import) => boolean): string[] {
  return code.flatMap((file) =>
    file.imports.filter((i) => i.local && rule(file, i)).map((i) => `${file.path} → ${i.target}`),
  );
}

describe('the house: where code lives and what it may import', () => {
  it('has source files to check (the scan itself works)', () => {
    expect(code.length).toBeGreaterThan(100);
    const app = code.find((f) => f.path === 'app/build-app.ts');
    expect(app?.imports.some((i) => i.target === 'server/errors')).toBe(true);
  });

  it('keeps domain/ pure: it imports only domain/ (and packages)', () => {
    expect(breaking((f, i) => top(f.path) === 'domain' && top(i.target) !== 'domain')).toEqual([]);
  });

  it('keeps db/ to itself', () => {
    expect(breaking((f, i) => top(f.path) === 'db' && top(i.target) !== 'db')).toEqual([]);
  });

  it('keeps i18n/ words free of everything but domain/ types', () => {
    expect(breaking((f, i) => top(f.path) === 'i18n' && !['i18n', 'domain'].includes(top(i.target)))).toEqual(
      [],
    );
  });

  it('never lets the kernel, the channels or the documents import a feature or the app', () => {
    expect(
      breaking(
        (f, i) =>
          ['server', 'channels', 'documents', 'db', 'domain', 'i18n'].includes(top(f.path)) &&
          ['features', 'app'].includes(top(i.target)),
      ),
    ).toEqual([]);
  });

  it('lets nothing but app/ import app/ (it is the composition root)', () => {
    expect(breaking((f, i) => top(i.target) === 'app' && top(f.path) !== 'app')).toEqual([]);
  });

  it('lets a feature reach another only through its index.ts (or its contract.ts for shapes)', () => {
    expect(
      breaking((f, i) => {
        const from = featureOf(f.path);
        const to = featureOf(i.target);
        return from !== null && to !== null && from !== to && !isIndex(i.target) && !isContract(i.target);
      }),
    ).toEqual([]);
  });

  it('keeps each queries file private to its feature, and routes away from queries', () => {
    expect(
      breaking(
        (f, i) =>
          isQueries(i.target) && (featureOf(f.path) !== featureOf(i.target) || /\/routes/.test(f.path)),
      ),
    ).toEqual([]);
  });

  it('keeps a contract to schemas: TypeBox, domain/, server/schemas and other contracts', () => {
    expect(
      breaking(
        (f, i) =>
          isContract(f.path) &&
          !(top(i.target) === 'domain' || i.target === 'server/schemas' || isContract(i.target)),
      ),
    ).toEqual([]);
  });

  it('keeps an index.ts to re-exports of its own feature', () => {
    const offending = code.filter(
      (f) =>
        isIndex(f.path) &&
        (f.imports.some((i) => i.local && featureOf(i.target) !== featureOf(f.path)) ||
          /\b(function|class|const|let)\s/.test(f.text)),
    );
    expect(offending.map((f) => f.path)).toEqual([]);
  });

  it('lets the web import from outside web/ only domain/, contract types and the catalogues', () => {
    expect(
      breaking((f, i) => {
        if (top(f.path) !== 'web' || top(i.target) === 'web') return false;
        if (top(i.target) === 'domain') return false;
        if (isContract(i.target)) return !i.typeOnly;
        return !/^i18n\/[a-z]+\.json$/.test(i.target);
      }),
    ).toEqual([]);
  });

  it('gives every feature file a name from the closed vocabulary', () => {
    const vocabulary =
      /^(contract|routes|service|queries|present|errors|index|page|worker|render)\.ts$|^(routes|service|queries)\/[a-z0-9-]+\.ts$/;
    const strays = code.filter((f) => featureOf(f.path) && !vocabulary.test(inFeature(f.path)));
    expect(strays.map((f) => f.path)).toEqual([]);
  });
});

describe('the house: SQL and transactions', () => {
  // A statement in a string: what a query looks like, not a word in a sentence.
  const SQL =
    /(['"`])\s*(SELECT\b[\s\S]{0,400}?\bFROM\b|INSERT\s+INTO\b|UPDATE\s+[a-z_.]+\s+SET\b|DELETE\s+FROM\b|WITH\s+[a-z_]+\s+AS\s*\()/i;

  it('holds SQL only in queries files and db/', () => {
    const holders = code.filter((f) => !isQueries(f.path) && top(f.path) !== 'db' && SQL.test(f.text));
    expect(holders.map((f) => f.path)).toEqual([]);
  });

  it('opens transactions (inTenant, asSystem) only in services, workers and db/', () => {
    const opens = /\b(inTenant|asSystem)\s*\(/;
    const openers = code.filter(
      (f) =>
        opens.test(f.text) &&
        top(f.path) !== 'db' &&
        !/^features\/[^/]+\/(service\.ts|service\/[^/]+\.ts|worker\.ts)$/.test(f.path),
    );
    expect(openers.map((f) => f.path)).toEqual([]);
  });
});

describe('the house: file size', () => {
  it('has no source file over 600 lines', () => {
    expect(files.filter((f) => f.lines > 600).map((f) => `${f.path} (${f.lines} lines)`)).toEqual([]);
  });

  it('says in its header why a file past 400 lines is one file', () => {
    const header = (text: string) => text.split('\n').slice(0, 20).join('\n');
    const unexplained = files.filter((f) => f.lines > 400 && !/one file because/i.test(header(f.text)));
    expect(unexplained.map((f) => `${f.path} (${f.lines} lines)`)).toEqual([]);
  });
});

describe('the house: a newcomer finds any behaviour from the word a caseworker uses', () => {
  const guide = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
  const glossary = guide.slice(guide.indexOf('## Glossary'));
  const folders = (dir: string) =>
    existsSync(join(SRC, dir))
      ? readdirSync(join(SRC, dir)).filter((name) => statSync(join(SRC, dir, name)).isDirectory())
      : [];

  it('names every server feature folder in the glossary table of docs/architecture.md', () => {
    expect(guide).toContain('## Glossary');
    const missing = folders('features').filter((f) => !glossary.includes(`features/${f}/`));
    expect(missing).toEqual([]);
  });

  it("names the web's feature folders like the server's (or in the glossary where the web alone has one)", () => {
    const server = new Set(folders('features'));
    const odd = folders('web/features').filter(
      (f) => !server.has(f) && !glossary.includes(`web/features/${f}/`),
    );
    expect(odd).toEqual([]);
  });
});
