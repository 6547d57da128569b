import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findClosedPort,
  type LoopbackTcpServer,
  startHangingServer,
  startUnacceptingListener,
} from '../support/loopback/tcp-servers.ts';
import { expectTimedOut, probeTcp, timedTcp } from './probe-helpers.ts';

let open: LoopbackTcpServer;
let unaccepting: LoopbackTcpServer;

beforeAll(async () => {
  [open, unaccepting] = await Promise.all([startHangingServer(), startUnacceptingListener()]);
});

afterAll(async () => {
  await Promise.all([open?.close(), unaccepting?.close()]);
});

describe('TCP probe', () => {
  it('is up when the port accepts, with DNS and connect timed', async () => {
    const result = await probeTcp({ host: 'localhost', port: open.port });
    expect(result).toMatchObject({ outcome: 'up', errorClass: null, message: null, httpStatus: null });
    expect(result.timings.dnsMs).toBeGreaterThanOrEqual(0);
    expect(result.timings.connectMs).toBeGreaterThanOrEqual(0);
    expect(result.timings).toMatchObject({ tlsMs: null, firstByteMs: null });
  });

  it('is down (refused) on a closed port', async () => {
    const result = await probeTcp({ host: '127.0.0.1', port: await findClosedPort() });
    expect(result).toMatchObject({ outcome: 'down', errorClass: 'refused' });
  });

  it('is down (dns) for a name that cannot resolve', async () => {
    const result = await probeTcp({ host: 'nonexistent.invalid', port: 80 });
    expect(result).toMatchObject({ outcome: 'down', errorClass: 'dns' });
  });

  it('times out when the handshake never completes', async () => {
    expectTimedOut(await timedTcp({ host: '127.0.0.1', port: unaccepting.port, timeoutMs: 300 }), 300, 'connecting');
  });
});
