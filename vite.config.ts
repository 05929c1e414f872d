import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const api = 'http://localhost:3000';

const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * Writes every text file of the build brotli- and gzip-compressed beside it (x.js.br, x.js.gz),
 * once at build time with the strongest settings, for the server to send as they are
 * (@fastify/static's preCompressed) instead of compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'landsby-precompress',
    apply: 'build',
    closeBundle() {
      for (const name of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
        if (!/\.(js|css|html|svg|ico|json|txt)$/.test(name)) continue;
        const file = join(outDir, name);
        const content = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/** The web app lives in src/web and is built to dist/web, which the server serves. */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Libraries change less often than the app: separate files stay cached between releases.
        manualChunks: {
          react: ['react', 'react-dom', 'react-dom/client', 'react-router-dom', 'i18next', 'react-i18next'],
          designsystemet: ['@digdir/designsystemet-react'],
        },
      },
    },
  },
  server: {
    // Regular expressions, so that the app's own module /api.ts is not sent to the API server.
    proxy: {
      '^/api/': api,
      '^/healthz$': api,
    },
  },
});
