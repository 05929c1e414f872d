import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://localhost:3000';

/** The web app lives in src/web and is built to dist/web, which the server serves. */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
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
