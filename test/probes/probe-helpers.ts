import { expect } from 'vitest';
import {
  dnsProbeConfigSchema,
  httpProbeConfigSchema,
  runDnsProbe,
  runHttpProbe,
  runTcpProbe,
  runTlsProbe,
  tcpProbeConfigSchema,
  tlsProbeConfigSchema,
} from '../../src/probes/index.ts';
import type { ProbeDeps, ProbeResult } from '../../src/probes/types.ts';

/** Real wall clock unless a test injects another one. */
export const realClock: ProbeDeps = { nowMs: () => Date.now() };

/** Timer and event-loop slack allowed past `timeoutMs` on a shared, noisy machine. */
export const TIMEOUT_SLACK_MS = 400;

export type Timed = { result: ProbeResult; wallMs: number };

async function timed(run: () => Promise<ProbeResult>): Promise<Timed> {
  const startedAt = performance.now();
  const result = await run();
  return { result, wallMs: performance.now() - startedAt };
}

export const probeHttp = (input: unknown, deps: ProbeDeps = realClock) =>
  runHttpProbe(httpProbeConfigSchema.parse(input), deps);
export const probeTcp = (input: unknown, deps: ProbeDeps = realClock) =>
  runTcpProbe(tcpProbeConfigSchema.parse(input), deps);
export const probeDns = (input: unknown, deps: ProbeDeps = realClock) =>
  runDnsProbe(dnsProbeConfigSchema.parse(input), deps);
export const probeTls = (input: unknown, deps: ProbeDeps = realClock) =>
  runTlsProbe(tlsProbeConfigSchema.parse(input), deps);

export const timedHttp = (input: unknown, deps?: ProbeDeps) => timed(() => probeHttp(input, deps));
export const timedTcp = (input: unknown, deps?: ProbeDeps) => timed(() => probeTcp(input, deps));
export const timedDns = (input: unknown, deps?: ProbeDeps) => timed(() => probeDns(input, deps));
export const timedTls = (input: unknown, deps?: ProbeDeps) => timed(() => probeTls(input, deps));

/** A timed-out probe: classified as timeout, and finished at its deadline, not long after. */
export function expectTimedOut({ result, wallMs }: Timed, timeoutMs: number, phase: string): void {
  expect(result).toMatchObject({ outcome: 'down', errorClass: 'timeout' });
  expect(result.message).toContain(`${timeoutMs} ms (${phase})`);
  expect(wallMs).toBeGreaterThanOrEqual(timeoutMs - 5);
  expect(wallMs).toBeLessThan(timeoutMs + TIMEOUT_SLACK_MS);
  expect(result.timings.totalMs).toBeGreaterThanOrEqual(timeoutMs - 5);
}
