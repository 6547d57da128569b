import { isIP } from 'node:net';
import { checkServerIdentity, type TLSSocket } from 'node:tls';
import { describeCertificate } from './certificate.ts';
import { startDeadline, stopMessage } from './deadline.ts';
import { classifyError } from './error-class.ts';
import { openTimedSocket, type SocketPhases } from './open-socket.ts';
import type { TlsProbeConfig } from './schemas.ts';
import { secureContextWithExtraCa } from './secure-context.ts';
import { sinceMs } from './timing.ts';
import type { ProbeDeps, ProbeResult, TlsCertificateInfo } from './types.ts';

type Verdict = Pick<ProbeResult, 'outcome' | 'errorClass' | 'message'>;

/**
 * Handshakes without rejecting, then judges the certificate itself: expiry against the injected clock
 * (so tests can travel in time), hostname, chain, and the warning window (max of `warnDays`).
 */
export function runTlsProbe(config: TlsProbeConfig, deps: ProbeDeps): Promise<ProbeResult> {
  if (config.ca) secureContextWithExtraCa(config.ca); // setup cost, kept out of the timings
  const startedAt = performance.now();
  const phases: SocketPhases = { dnsMs: null, connectMs: null, tlsMs: null };
  const servername = config.servername ?? (isIP(config.host) === 0 ? config.host : undefined);
  return new Promise<ProbeResult>((resolve) => {
    const result = (verdict: Verdict, tls?: TlsCertificateInfo): ProbeResult => {
      const probeResult: ProbeResult = {
        ...verdict,
        httpStatus: null,
        timings: { ...phases, firstByteMs: null, totalMs: sinceMs(startedAt) },
      };
      if (tls) probeResult.tls = tls;
      return probeResult;
    };
    const deadline = startDeadline(config.timeoutMs, deps.signal, (reason) => {
      socket.destroy();
      const phase = phases.connectMs === null ? 'connecting' : 'TLS handshake';
      const message = stopMessage(reason, config.timeoutMs, phase);
      resolve(result({ outcome: 'down', errorClass: reason === 'timeout' ? 'timeout' : 'other', message }));
    });
    const tlsOptions = { servername, rejectUnauthorized: false, caPem: config.ca };
    const socket = openTimedSocket({ host: config.host, port: config.port, tls: tlsOptions }, phases, (error) => {
      deadline.clear();
      if (deadline.reason) return socket.destroy();
      if (error) {
        socket.destroy();
        return resolve(result({ outcome: 'down', ...classifyError(error) }));
      }
      const tlsSocket = socket as TLSSocket;
      const certificate = tlsSocket.getPeerCertificate();
      const authorizationError = tlsSocket.authorizationError ? String(tlsSocket.authorizationError) : null;
      socket.destroy();
      if (!certificate?.valid_to) {
        return resolve(result({ outcome: 'down', errorClass: 'tls', message: 'the server sent no certificate' }));
      }
      const nowMs = deps.nowMs();
      const info = describeCertificate(certificate, nowMs, tlsSocket.authorized, authorizationError);
      const hostnameError = checkServerIdentity(servername ?? config.host, certificate);
      resolve(result(judgeCertificate(config, info, nowMs, certificate.valid_from, hostnameError), info));
    });
  });
}

function judgeCertificate(
  config: TlsProbeConfig,
  info: TlsCertificateInfo,
  nowMs: number,
  validFrom: string,
  hostnameError: Error | undefined,
): Verdict {
  // OpenSSL judges expiry with the machine clock; the injected clock decides, but a certificate
  // OpenSSL already calls expired is expired whatever the clock says.
  if (info.validToMs <= nowMs || info.authorizationError === 'CERT_HAS_EXPIRED') {
    const when = new Date(info.validToMs).toISOString();
    return { outcome: 'down', errorClass: 'cert_expired', message: `certificate expired at ${when}` };
  }
  if (Date.parse(validFrom) > nowMs || info.authorizationError === 'CERT_NOT_YET_VALID') {
    return { outcome: 'down', errorClass: 'tls', message: `certificate not valid before ${validFrom}` };
  }
  if (hostnameError) return { outcome: 'down', errorClass: 'hostname', message: hostnameError.message };
  if (!info.authorized) {
    return { outcome: 'down', errorClass: 'tls', message: `untrusted certificate: ${info.authorizationError}` };
  }
  const warnDays = Math.max(...config.warnDays);
  if (info.daysToExpiry <= warnDays) {
    const message = `certificate expires in ${info.daysToExpiry} days (warning at ${warnDays})`;
    return { outcome: 'degraded', errorClass: 'cert_expiring', message };
  }
  return { outcome: 'up', errorClass: null, message: null };
}
