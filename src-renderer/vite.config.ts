/**
 * Renderer build: root src-renderer, output dist/renderer, relative base (loaded from a custom protocol in
 * Electron and from the browser host). pdf.js data (cmaps, standard fonts, wasm, ICC) is copied into the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const pdfjsRoot = path.resolve(here, '../node_modules/pdfjs-dist');
const PDFJS_DIRS = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];

function pdfjsAssets(): Plugin {
  return {
    name: 'xt-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/pdfjs\/([a-z_]+)\/([\w.-]+)$/.exec(req.url ?? '');
        if (!m || !PDFJS_DIRS.includes(m[1])) return next();
        const file = path.join(pdfjsRoot, m[1], m[2]);
        if (!fs.existsSync(file)) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        fs.createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const dir of PDFJS_DIRS) {
        const abs = path.join(pdfjsRoot, dir);
        if (!fs.existsSync(abs)) continue;
        for (const name of fs.readdirSync(abs)) {
          const file = path.join(abs, name);
          if (fs.statSync(file).isFile()) this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${name}`, source: fs.readFileSync(file) });
        }
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), pdfjsAssets()],
  build: {
    outDir: path.resolve(here, '../dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    sourcemap: false,
  },
  worker: { format: 'es' },
});
