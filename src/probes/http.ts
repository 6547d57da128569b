import { isIP } from 'node:net';
import { describeCertificate } from './certificate.ts';
import { startDeadline, stopMessage } from './deadline.ts';
import { classifyError } from './error-class.ts';
import { judgeHttpResponse } from './http-assertions.ts';
import { type HopPhases, type HopResponse, isRedirectStatus, type RunningHop, startHop } from './http-hop.ts';
import { type HttpProbePlan, headersForRedirect, planHttpProbe, redirectMethod } from './http-plan.ts';
import type { HttpProbeConfig } from './schemas.ts';
import { addPhaseMs, emptyTimings, sinceMs } from './timing.ts';
import type { ErrorClass, ProbeDeps, ProbeResult, ProbeTimings } from './types.ts';

const stopped = new Error('probe stopped');

/**
 * One HTTP(S) check: a fresh connection per hop, redirects followed by hand (each hop counts into
 * the phase sums and the total), one deadline for the whole check. Target failures are results, not throws.
 */
export async function runHttpProbe(config: HttpProbeConfig, deps: ProbeDeps): Promise<ProbeResult> {
  const plan = planHttpProbe(config);
  const startedAt = performance.now();
  const timings = emptyTimings();
  let current: RunningHop | null = null;
  const deadline = startDeadline(config.timeoutMs, deps.signal, () => current?.cancel(stopped));
  let url = plan.url;
  let method: string = config.method;
  let body = config.body;
  let headers = plan.headers;
  try {
    for (let redirects = 0; ; redirects++) {
      const phases: HopPhases = { dnsMs: null, connectMs: null, tlsMs: null, firstByteMs: null };
      current = startHop(
        {
          url,
          method,
          headers,
          body,
          rejectUnauthorized: config.verifyTls,
          caPem: config.ca,
          captureBody: plan.captureBody,
          stopAtRedirect: redirects < config.followRedirects,
        },
        phases,
      );
      if (deadline.reason) current.cancel(stopped);
      const result = await current.done;
      current.dispose();
      addPhases(timings, phases);
      if (deadline.reason) {
        const message = stopMessage(deadline.reason, config.timeoutMs, describePhase(phases, url));
        return failure(timings, startedAt, deadline.reason === 'timeout' ? 'timeout' : 'other', message);
      }
      if (result.error) {
        const { errorClass, message } = classifyError(result.error);
        return failure(timings, startedAt, errorClass, message);
      }
      const response = result.response;
      const next = response.location !== null && isRedirectStatus(response.statusCode) ? response.location : null;
      if (next === null || config.followRedirects === 0) {
        return finish(plan, response, timings, startedAt, deps.nowMs());
      }
      if (redirects >= config.followRedirects) {
        const message = `more than ${config.followRedirects} redirects (HTTP ${response.statusCode} to ${next})`;
        return failure(timings, startedAt, 'status', message, response.statusCode);
      }
      const target = URL.canParse(next, url) ? new URL(next, url) : null;
      if (!target || (target.protocol !== 'http:' && target.protocol !== 'https:')) {
        return failure(timings, startedAt, 'other', `redirect to an unsupported location: ${next}`);
      }
      method = redirectMethod(response.statusCode, method);
      if (method === 'GET' || method === 'HEAD') body = undefined;
      headers = headersForRedirect(headers, url, target);
      url = target;
    }
  } finally {
    deadline.clear();
  }
}

function finish(plan: HttpProbePlan, response: HopResponse, timings: ProbeTimings, startedAt: number, nowMs: number) {
  timings.totalMs = sinceMs(startedAt);
  const verdict = judgeHttpResponse(plan, response, timings.totalMs);
  const result: ProbeResult = { ...verdict, httpStatus: response.statusCode, timings };
  const peer = response.peerTls;
  if (peer) result.tls = describeCertificate(peer.certificate, nowMs, peer.authorized, peer.authorizationError);
  return result;
}

function failure(
  timings: ProbeTimings,
  startedAt: number,
  errorClass: ErrorClass,
  message: string,
  httpStatus: number | null = null,
): ProbeResult {
  timings.totalMs = sinceMs(startedAt);
  return { outcome: 'down', errorClass, message, httpStatus, timings };
}

function addPhases(timings: ProbeTimings, phases: HopPhases): void {
  timings.dnsMs = addPhaseMs(timings.dnsMs, phases.dnsMs);
  timings.connectMs = addPhaseMs(timings.connectMs, phases.connectMs);
  timings.tlsMs = addPhaseMs(timings.tlsMs, phases.tlsMs);
  timings.firstByteMs = addPhaseMs(timings.firstByteMs, phases.firstByteMs);
}

function describePhase(phases: HopPhases, url: URL): string {
  if (phases.connectMs === null) return phases.dnsMs === null && !isIpHost(url) ? 'resolving' : 'connecting';
  if (url.protocol === 'https:' && phases.tlsMs === null) return 'TLS handshake';
  if (phases.firstByteMs === null) return 'waiting for the response';
  return 'reading the body';
}

function isIpHost(url: URL): boolean {
  return url.hostname.startsWith('[') || isIP(url.hostname) !== 0;
}
