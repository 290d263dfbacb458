#!/usr/bin/env node
// A stand-in for the gazette binary in the harness's own tests (harness.spec.mjs): `demo DIR ...` makes
// DIR; `serve DIR --listen HOST:0` prints a start-up line like gazette's and answers /api/v1/stats.
// FAKE_GAZETTE_SERVE=exit makes serve fail at start; FAKE_GAZETTE_SERVE=ignore-sigterm makes it stay up
// after SIGTERM, as a hung server would.
import { mkdirSync } from 'node:fs';
import http from 'node:http';

const [command, dir] = process.argv.slice(2);
const behaviour = process.env.FAKE_GAZETTE_SERVE ?? 'normal';

if (command === 'demo') {
  mkdirSync(dir, { recursive: true });
} else if (command === 'serve' && behaviour === 'exit') {
  console.error('gazette: cannot open the site: fake failure');
  process.exit(2);
} else if (command === 'serve') {
  const server = http.createServer((request, response) => {
    response.writeHead(request.url === '/api/v1/stats' ? 200 : 404, { 'Content-Type': 'application/json' });
    response.end('{"today":0,"yesterday":0,"this_week":0,"this_month":0,"all":0,"timezone":"UTC"}');
  });
  server.listen(0, '127.0.0.1', () => {
    console.error(`[info] Gazette is serving Fake at http://127.0.0.1:${server.address().port}/`);
  });
  process.on('SIGTERM', () => {
    if (behaviour === 'ignore-sigterm') return;
    server.closeAllConnections?.();
    server.close(() => process.exit(0));
  });
} else {
  console.error(`fake gazette: unknown command ${command}`);
  process.exit(2);
}
