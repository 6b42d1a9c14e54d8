import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer (its CSP is the meta in renderer/index.html). In browser mode the backend host on :5174 answers /rpc, /events and /upload. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/rpc': 'http://127.0.0.1:5174', '/events': 'http://127.0.0.1:5174', '/upload': 'http://127.0.0.1:5174' },
  },
});
