// `npm run web [-- --demo] [-- --db path]`: browser mode. The backend host on 127.0.0.1:5174 (same
// handlers, SQL and migrations as the desktop app) and the Vite dev server on 127.0.0.1:5173, which
// proxies /rpc and /events to it. Open http://127.0.0.1:5173.
import { spawn } from 'node:child_process';

const passThrough = process.argv.slice(2);
const children = [
  spawn('npx', ['--no-install', 'tsx', 'electron/backend/dev-server.ts', '--port', '5174', ...passThrough], { stdio: 'inherit' }),
  spawn('npx', ['--no-install', 'vite'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
};
for (const c of children) c.on('exit', (code) => {
  stop();
  process.exitCode = code ?? 0;
});
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
