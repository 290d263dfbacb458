#!/usr/bin/env node
// A stand-in for the gazette binary in the harness's own tests (harness.spec.mjs): `demo DIR ...` makes
// DIR; `user add DIR --email E ...` appends E and the first line of its standard input to DIR/users.txt
// (refusing a role other than admin, editor or author, as gazette does); `serve DIR --listen HOST:0`
// prints a start-up line like gazette's and answers /api/v1/stats.
// FAKE_GAZETTE_SERVE=exit makes serve fail at start; FAKE_GAZETTE_SERVE=ignore-sigterm makes it stay up
// after SIGTERM, as a hung server would.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';

const [command, dir] = process.argv.slice(2);
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const behaviour = process.env.FAKE_GAZETTE_SERVE ?? 'normal';

if (command === 'demo') {
  mkdirSync(dir, { recursive: true });
} else if (command === 'user' && dir === 'add') {
  const site = process.argv[4];
  if (!['admin', 'editor', 'author'].includes(option('--role'))) {
    console.error(`gazette: unknown role '${option('--role')}'`);
    process.exit(2);
  }
  const password = readFileSync(0, 'utf8').split('\n')[0];
  appendFileSync(`${site}/users.txt`, `${option('--email')} ${option('--role')} ${password}\n`);
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
