// Builds the page (web/) into assets/, which ships in the package and is served by the UI app.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  // Relative URLs: the page works under any mount path (`/ui/` on the server, or another basePath).
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('./assets', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 200,
  },
  logLevel: 'warn',
});
