import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_AGENT } from '../../src/probes/http-plan.ts';
import { type LoopbackHttpServer, readBody, startHttpServer } from '../support/loopback/http-server.ts';
import {
  findClosedPort,
  type LoopbackTcpServer,
  startHangingServer,
  startResettingServer,
  startUnacceptingListener,
} from '../support/loopback/tcp-servers.ts';
import { expectTimedOut, probeHttp, timedHttp } from './probe-helpers.ts';

let server: LoopbackHttpServer;
let other: LoopbackHttpServer;
let hanging: LoopbackTcpServer;
let resetting: LoopbackTcpServer;
let unaccepting: LoopbackTcpServer;
const remotePorts: number[] = [];

beforeAll(async () => {
  server = await startHttpServer(async (request, response) => {
    remotePorts.push(request.socket.remotePort ?? 0);
    const path = request.url ?? '/';
    if (path === '/ok') return response.end('all systems green');
    if (path === '/fail') return void response.writeHead(500).end('boom');
    if (path === '/missing') return void response.writeHead(404).end('nope');
    if (path === '/json') {
      response.setHeader('content-type', 'application/json');
      return response.end(JSON.stringify({ status: 'ok', data: { items: [{ ok: true }, { ok: false }] }, n: 3 }));
    }
    if (path === '/slow') return void setTimeout(() => response.end('late but fine'), 250);
    if (path === '/slow-fail') return void setTimeout(() => response.writeHead(503).end(), 250);
    if (path === '/stall-body') {
      response.writeHead(200, { 'content-length': '100' });
      return void response.write('partial');
    }
    if (path === '/big') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      for (let i = 0; i < 48; i++) response.write(chunk); // 3 MiB, then the keyword
      return response.end('needle');
    }
    if (path === '/echo') {
      const body = await readBody(request);
      return response.end(`${request.method} ${request.headers['x-token'] ?? '-'} ${body}`);
    }
    const hop = /^\/redirect\/(\d+)$/.exec(path);
    if (hop) {
      const left = Number(hop[1]);
      return void response.writeHead(302, { location: left > 1 ? `/redirect/${left - 1}` : '/ok' }).end();
    }
    if (path === '/see-other') return void response.writeHead(303, { location: '/echo' }).end();
    if (path === '/elsewhere') return void response.writeHead(307, { location: other.url('/headers') }).end();
    if (path === '/to-ftp') return void response.writeHead(302, { location: 'ftp://example.com/' }).end();
    response.writeHead(418).end();
  });
  other = await startHttpServer((request, response) => response.end(JSON.stringify(request.headers)));
  hanging = await startHangingServer();
  resetting = await startResettingServer();
  unaccepting = await startUnacceptingListener();
});

afterAll(async () => {
  await Promise.all([server.close(), other.close(), hanging.close(), resetting.close(), unaccepting.close()]);
});

describe('HTTP probe against real loopback servers', () => {
  it('reports up with every plain-HTTP phase timed, via DNS for a host name', async () => {
    const result = await probeHttp({ url: server.url('/ok', 'localhost') });
    expect(result).toMatchObject({ outcome: 'up', errorClass: null, message: null, httpStatus: 200 });
    const { dnsMs, connectMs, tlsMs, firstByteMs, totalMs } = result.timings;
    for (const phase of [dnsMs, connectMs, firstByteMs]) expect(phase).toBeGreaterThanOrEqual(0);
    expect(tlsMs).toBeNull();
    expect(totalMs).toBeGreaterThanOrEqual((dnsMs ?? 0) + (connectMs ?? 0) + (firstByteMs ?? 0) - 0.3);
    const seen = server.requests.at(-1)!;
    expect(seen.headers['user-agent']).toBe(USER_AGENT);
    expect(seen.headers.connection).toBe('close');
  });

  it('skips the DNS phase for an IP address', async () => {
    const result = await probeHttp({ url: server.url('/ok') });
    expect(result.outcome).toBe('up');
    expect(result.timings.dnsMs).toBeNull();
    expect(result.timings.connectMs).not.toBeNull();
  });

  it('opens a fresh connection for every check', async () => {
    const before = remotePorts.length;
    for (let i = 0; i < 3; i++) expect((await probeHttp({ url: server.url('/ok') })).outcome).toBe('up');
    expect(new Set(remotePorts.slice(before)).size).toBe(3);
  });

  it('is down with the status class on a 500, keeping the status', async () => {
    const result = await probeHttp({ url: server.url('/fail') });
    expect(result).toMatchObject({ outcome: 'down', errorClass: 'status', httpStatus: 500 });
    expect(result.message).toBe('HTTP 500, expected 200-399');
  });

  it('judges the status against the configured ranges', async () => {
    expect((await probeHttp({ url: server.url('/missing'), expectedStatus: ['404'] })).outcome).toBe('up');
    const strict = await probeHttp({ url: server.url('/redirect/1'), followRedirects: 0, expectedStatus: ['200-299'] });
    expect(strict).toMatchObject({ outcome: 'down', errorClass: 'status', httpStatus: 302 });
    const redirectExpected = await probeHttp({
      url: server.url('/redirect/1'),
      followRedirects: 0,
      expectedStatus: ['301-302'],
    });
    expect(redirectExpected).toMatchObject({ outcome: 'up', httpStatus: 302 });
  });

  it('checks a keyword for presence or absence', async () => {
    const url = server.url('/ok');
    expect((await probeHttp({ url, keyword: { text: 'green' } })).outcome).toBe('up');
    const missing = await probeHttp({ url, keyword: { text: 'red' } });
    expect(missing).toMatchObject({ outcome: 'down', errorClass: 'keyword', message: 'keyword "red" not found' });
    expect((await probeHttp({ url, keyword: { text: 'error', mode: 'absent' } })).outcome).toBe('up');
    const present = await probeHttp({ url, keyword: { text: 'green', mode: 'absent' } });
    expect(present).toMatchObject({ outcome: 'down', errorClass: 'keyword', message: 'keyword "green" found' });
  });

  it('compares a JSON path value', async () => {
    const url = server.url('/json');
    expect((await probeHttp({ url, jsonPath: { path: '$.status', equals: 'ok' } })).outcome).toBe('up');
    expect((await probeHttp({ url, jsonPath: { path: 'data.items[0].ok', equals: true } })).outcome).toBe('up');
    expect((await probeHttp({ url, jsonPath: { path: '$.n', equals: 3 } })).outcome).toBe('up');
    const wrong = await probeHttp({ url, jsonPath: { path: 'data.items[1].ok', equals: true } });
    expect(wrong).toMatchObject({ errorClass: 'keyword', message: 'data.items[1].ok is false, expected true' });
    const absent = await probeHttp({ url, jsonPath: { path: '$.missing', equals: null } });
    expect(absent).toMatchObject({ outcome: 'down', message: '$.missing not found' });
    const notJson = await probeHttp({ url: server.url('/ok'), jsonPath: { path: '$.status', equals: 'ok' } });
    expect(notJson).toMatchObject({ outcome: 'down', errorClass: 'keyword', message: 'response is not valid JSON' });
  });

  it('reads at most 1 MiB of body, so a keyword beyond it is not found', async () => {
    const result = await probeHttp({ url: server.url('/big'), keyword: { text: 'needle' } });
    expect(result).toMatchObject({ outcome: 'down', message: 'keyword "needle" not found in the first 1 MiB' });
    expect((await probeHttp({ url: server.url('/big'), keyword: { text: 'aaaa' } })).outcome).toBe('up');
  });

  it('is degraded when slower than maxResponseMs, but a slow error is still down', async () => {
    const slow = await probeHttp({ url: server.url('/slow'), maxResponseMs: 100 });
    expect(slow).toMatchObject({ outcome: 'degraded', errorClass: 'too_slow', httpStatus: 200 });
    expect(slow.message).toMatch(/^took \d+ ms, limit 100 ms$/);
    expect(slow.timings.totalMs).toBeGreaterThanOrEqual(250);
    expect((await probeHttp({ url: server.url('/slow'), maxResponseMs: 5_000 })).outcome).toBe('up');
    const slowFail = await probeHttp({ url: server.url('/slow-fail'), maxResponseMs: 100 });
    expect(slowFail).toMatchObject({ outcome: 'down', errorClass: 'status' });
  });

  it('times out against a server that accepts and never answers', async () => {
    const timed = await timedHttp({ url: `http://127.0.0.1:${hanging.port}/`, timeoutMs: 300 });
    expectTimedOut(timed, 300, 'waiting for the response');
    expect(timed.result.timings.connectMs).not.toBeNull();
  });

  it('times out while reading a body that stalls', async () => {
    const timed = await timedHttp({ url: server.url('/stall-body'), timeoutMs: 300 });
    expectTimedOut(timed, 300, 'reading the body');
    expect(timed.result.timings.firstByteMs).not.toBeNull();
  });

  it('times out while connecting to a listener that never accepts', async () => {
    expectTimedOut(
      await timedHttp({ url: `http://127.0.0.1:${unaccepting.port}/`, timeoutMs: 300 }),
      300,
      'connecting',
    );
  });

  it('classifies a reset, a refused connection and an unknown host', async () => {
    const reset = await probeHttp({ url: `http://127.0.0.1:${resetting.port}/` });
    expect(reset).toMatchObject({ outcome: 'down', errorClass: 'reset', httpStatus: null });
    const refused = await probeHttp({ url: `http://127.0.0.1:${await findClosedPort()}/` });
    expect(refused).toMatchObject({ outcome: 'down', errorClass: 'refused' });
    expect(refused.message).toContain('ECONNREFUSED');
    const unknown = await probeHttp({ url: 'http://nonexistent.invalid/' });
    expect(unknown).toMatchObject({ outcome: 'down', errorClass: 'dns' });
    expect(unknown.timings.connectMs).toBeNull();
  });

  it('follows redirects up to the limit, each on a new connection', async () => {
    const before = server.requests.length;
    const followed = await probeHttp({ url: server.url('/redirect/3'), keyword: { text: 'green' } });
    expect(followed).toMatchObject({ outcome: 'up', httpStatus: 200 });
    expect(server.requests.slice(before).map((r) => r.path)).toEqual([
      '/redirect/3',
      '/redirect/2',
      '/redirect/1',
      '/ok',
    ]);
    expect(new Set(remotePorts.slice(-4)).size).toBe(4);
    const tooMany = await probeHttp({ url: server.url('/redirect/3'), followRedirects: 2 });
    expect(tooMany).toMatchObject({ outcome: 'down', errorClass: 'status', httpStatus: 302 });
    expect(tooMany.message).toBe('more than 2 redirects (HTTP 302 to /ok)');
    const unsupported = await probeHttp({ url: server.url('/to-ftp') });
    expect(unsupported).toMatchObject({ outcome: 'down', errorClass: 'other' });
  });

  it('sends method, headers and body; a 303 turns a POST into a GET', async () => {
    const posted = await probeHttp({
      url: server.url('/echo'),
      method: 'POST',
      headers: { 'X-Token': 'abc' },
      body: 'ping',
      keyword: { text: 'POST abc ping' },
    });
    expect(posted.outcome).toBe('up');
    const redirected = await probeHttp({
      url: server.url('/see-other'),
      method: 'POST',
      body: 'ping',
      keyword: { text: 'GET' },
    });
    expect(redirected.outcome).toBe('up');
    expect(server.requests.at(-1)).toMatchObject({ method: 'GET', path: '/echo' });
  });

  it('does not forward credentials to another origin', async () => {
    const result = await probeHttp({
      url: server.url('/elsewhere'),
      headers: { Authorization: 'Bearer secret', 'X-Keep': 'yes' },
      keyword: { text: '"x-keep":"yes"' },
    });
    expect(result.outcome).toBe('up');
    expect(other.requests.at(-1)!.headers.authorization).toBeUndefined();
    expect(server.requests.at(-1)!.headers.authorization).toBe('Bearer secret');
  });

  it('turns credentials in the URL into basic auth', async () => {
    const url = other.url('/').replace('http://', 'http://user:pa%20ss@');
    const result = await probeHttp({ url, keyword: { text: '"authorization":"Basic dXNlcjpwYSBzcw=="' } });
    expect(result.outcome).toBe('up');
  });

  it('sends HEAD without reading a body', async () => {
    const result = await probeHttp({ url: server.url('/ok'), method: 'HEAD' });
    expect(result).toMatchObject({ outcome: 'up', httpStatus: 200 });
    expect(server.requests.at(-1)!.method).toBe('HEAD');
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    const startedAt = performance.now();
    const pending = probeHttp(
      { url: `http://127.0.0.1:${hanging.port}/`, timeoutMs: 10_000 },
      {
        nowMs: () => Date.now(),
        signal: controller.signal,
      },
    );
    await sleep(50);
    controller.abort();
    const result = await pending;
    expect(result).toMatchObject({ outcome: 'down', errorClass: 'other' });
    expect(result.message).toContain('aborted');
    expect(performance.now() - startedAt).toBeLessThan(2_000);
  });
});
