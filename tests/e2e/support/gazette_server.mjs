// A real Gazette server for one test file: `gazette demo` fills a site in a fresh temporary directory,
// `gazette serve` serves it on a free loopback port, and stop() ends it and removes the directory.
// The binary under test is GAZETTE_BIN, which ctest sets to the one it has just built.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { timeouts } from './timeouts.mjs';
import { waitUntil } from './wait.mjs';

/** What the server printed last is kept for failure messages, up to this many characters. */
const kOutputTailChars = 64 * 1024;

export function gazetteBinary() {
  const binary = process.env.GAZETTE_BIN;
  if (!binary) {
    throw new Error(
      'GAZETTE_BIN is not set: run the browser tests through ctest (ctest --preset debug -R e2e), ' +
        'or set GAZETTE_BIN to a built gazette binary');
  }
  return binary;
}

// The server's environment: ours without configuration overrides (GAZETTE_SECTION_KEY), so that a
// variable left in a developer's shell cannot change what a test sees, plus the test's own.
function serverEnvironment(extra) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('GAZETTE_')) env[name] = value;
  }
  return { ...env, ...extra };
}

/**
 * Runs `gazette ARGS...` to completion (killed after timeoutMs). input, when given, is written to its
 * standard input (how `gazette user add` takes a password); otherwise standard input is empty. Resolves
 * with { code, stdout, stderr } whatever the exit code: the caller decides what a failure means.
 */
export function runGazette(args, { env = {}, timeoutMs = timeouts.createSite, binary = gazetteBinary(),
                                   input = '' } = {}) {
  return new Promise((resolve) => {
    const child = execFile(binary, args, { env: serverEnvironment(env), timeout: timeoutMs,
                                           killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
                           (error, stdout, stderr) => {
                             const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
                             resolve({ code, signal: error?.signal ?? null, stdout, stderr });
                           });
    // A program that exits before reading all of it must not fail the test with EPIPE: its exit code says.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

/**
 * Adds a back-office user to the site in dir with `gazette user add`, the password on standard input as
 * an operator's script would pipe it. Throws with gazette's message when it refuses.
 */
export async function addUser(dir, { email, name, role, password }, { env = {}, binary = gazetteBinary() } = {}) {
  const added = await runGazette(['user', 'add', dir, '--email', email, '--name', name, '--role', role],
                                 { env, binary, input: `${password}\n` });
  if (added.code !== 0) {
    throw new Error(`gazette user add ${email} failed (exit ${added.code ?? added.signal}):\n${added.stderr}`);
  }
}

/** GET url with the harness's own client (no User-Agent, so never counted as a visitor). */
export function httpGet(url, { timeoutMs = timeouts.request } = {}) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { timeout: timeoutMs }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers,
                                         body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

export class GazetteServer {
  /**
   * Creates a demo site and serves it. Options:
   *   articles, seed           the demo content (`gazette demo --articles --seed`)
   *   name, tagline, timezone  the site's settings (`gazette demo --name --tagline --timezone`)
   *   env                      configuration overrides for the server, e.g. { GAZETTE_SITE_PAGE_SIZE: '5' }
   *   users                    back-office users to add before the server starts:
   *                            [{ email, name, role, password }] (role: admin, editor or author)
   *   prepare({ dir, gazette }) called after the site is created (and its users added) and before it is
   *                            served; gazette(args, { input }) runs the binary, input on its stdin
   *   binary, stopTimeoutMs    another program than GAZETTE_BIN, another bound than timeouts.serverStop
   *                            (for the harness's own tests)
   */
  static async start(options = {}) {
    const server = new GazetteServer(options);
    try {
      await server.#createSite();
      await server.#serve();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  #options;
  #root;
  #child;
  #exit;
  #output = '';
  #exitHandler;

  constructor(options) {
    this.#options = {
      articles: 40, seed: 7, name: 'Public Sector Digest',
      tagline: 'News on public-sector transformation every day since 2001', timezone: 'UTC', env: {},
      stopTimeoutMs: timeouts.serverStop,
      ...options,
      binary: options.binary ?? gazetteBinary(),
    };
    this.#root = mkdtempSync(path.join(os.tmpdir(), 'gazette-e2e-'));
    this.dir = path.join(this.#root, 'site');
    this.name = this.#options.name;
    this.tagline = this.#options.tagline;
    this.timezone = this.#options.timezone;
    this.baseUrl = undefined;
    // If the test process ends without after() (a crash, a ctest timeout), the server and its files go too.
    this.#exitHandler = () => {
      this.#child?.kill('SIGKILL');
      rmSync(this.#root, { recursive: true, force: true });
    };
    process.on('exit', this.#exitHandler);
  }

  /** The absolute URL of a path on this server. */
  url(pathAndQuery = '/') {
    return new URL(pathAndQuery, this.baseUrl).href;
  }

  /** The visitor figures from /api/v1/stats: { today, yesterday, this_week, this_month, all, timezone }. */
  async stats() {
    const response = await httpGet(this.url('/api/v1/stats'));
    if (response.status !== 200) throw new Error(`/api/v1/stats answered ${response.status}: ${response.body}`);
    return JSON.parse(response.body);
  }

  /** What the server wrote to stdout and stderr lately (start-up line, access log, sanitizer reports). */
  output() {
    return this.#output;
  }

  /**
   * Stops the server (SIGTERM, then SIGKILL if it has not ended within stopTimeoutMs) and removes the
   * site directory. Resolves with { code, signal, output }: code 0 is a clean stop; a sanitizer report
   * at exit makes it non-zero.
   */
  async stop() {
    let result = { code: null, signal: null, output: this.#output };
    if (this.#child) {
      if (!this.#exit.settled) this.#child.kill('SIGTERM');
      const ended = await Promise.race([
        this.#exit.promise,
        new Promise((resolve) => setTimeout(resolve, this.#options.stopTimeoutMs, null).unref()),
      ]);
      if (ended === null) {
        this.#child.kill('SIGKILL');
        await this.#exit.promise;
        result = { code: null, signal: 'SIGKILL', output: this.#output,
                   problem: `the server did not stop within ${this.#options.stopTimeoutMs} ms of SIGTERM` };
      } else {
        result = { ...ended, output: this.#output };
      }
      this.#child = undefined;
    }
    rmSync(this.#root, { recursive: true, force: true });
    process.off('exit', this.#exitHandler);
    return result;
  }

  async #createSite() {
    const o = this.#options;
    const created = await runGazette(
      ['demo', this.dir, '--articles', String(o.articles), '--seed', String(o.seed), '--name', o.name,
       '--tagline', o.tagline, '--timezone', o.timezone],
      { env: o.env, timeoutMs: timeouts.createSite, binary: o.binary });
    if (created.code !== 0) {
      throw new Error(`gazette demo failed (exit ${created.code ?? created.signal}):\n${created.stderr}`);
    }
    for (const user of o.users ?? []) await addUser(this.dir, user, { env: o.env, binary: o.binary });
    if (o.prepare) {
      const gazette = (args, { input } = {}) => runGazette(args, { env: o.env, binary: o.binary, input });
      await o.prepare({ dir: this.dir, gazette });
    }
  }

  async #serve() {
    // Port 0: the kernel picks a free port, and the server's start-up line says which, so two test
    // files (or two checkouts) never race for one.
    const child = spawn(this.#options.binary,
                        ['serve', this.dir, '--listen', '127.0.0.1:0', '--threads', '2'],
                        { env: serverEnvironment(this.#options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    const exit = { settled: false };
    exit.promise = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        exit.settled = true;
        resolve({ code, signal });
      });
      child.on('error', (error) => {
        exit.settled = true;
        this.#append(`cannot run ${this.#options.binary}: ${error.message}\n`);
        resolve({ code: null, signal: null });
      });
    });
    this.#exit = exit;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (text) => this.#append(text));
    child.stderr.on('data', (text) => this.#append(text));

    const exited = () => (exit.settled ? 'the server exited' : undefined);
    await waitUntil(() => /is serving .* at (http:\/\/\S+?:\d+)\/\s*$/m.exec(this.#output)?.[1],
                    { what: 'the start-up line of gazette serve', timeoutMs: timeouts.serverStart,
                      abandonIf: exited }).then(
      (origin) => { this.baseUrl = `${origin}/`; },
      (error) => { throw new Error(`gazette serve did not start: ${error.message}\n${this.#output}`); });

    // Answering, not just listening: the stats API is cheap and is not counted as a visit.
    await waitUntil(async () => (await httpGet(this.url('/api/v1/stats'))).status === 200,
                    { what: `${this.url('/api/v1/stats')} to answer 200`, timeoutMs: timeouts.serverStart,
                      abandonIf: exited });
  }

  #append(text) {
    this.#output += text;
    if (this.#output.length > 2 * kOutputTailChars) this.#output = this.#output.slice(-kOutputTailChars);
  }
}
