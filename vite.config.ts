import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** The built page carries its own CSP (the shell and the web host also send it as a header); the dev
 * server's React refresh preamble is an inline script, so the meta is added at build time only. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'adimple-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

/** The renderer. In browser mode the backend host on :5174 answers /rpc, /events and /upload. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/rpc': 'http://127.0.0.1:5174', '/events': 'http://127.0.0.1:5174', '/upload': 'http://127.0.0.1:5174' },
  },
});
