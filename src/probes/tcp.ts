import { isIP } from 'node:net';
import { startDeadline, stopMessage } from './deadline.ts';
import { classifyError } from './error-class.ts';
import { openTimedSocket, type SocketPhases } from './open-socket.ts';
import type { TcpProbeConfig } from './schemas.ts';
import { sinceMs } from './timing.ts';
import type { ProbeDeps, ProbeResult } from './types.ts';

/** Up when a TCP connection is established within the timeout; the connection is closed at once. */
export function runTcpProbe(config: TcpProbeConfig, deps: ProbeDeps): Promise<ProbeResult> {
  const startedAt = performance.now();
  const phases: SocketPhases = { dnsMs: null, connectMs: null, tlsMs: null };
  return new Promise<ProbeResult>((resolve) => {
    const result = (partial: Pick<ProbeResult, 'outcome' | 'errorClass' | 'message'>): ProbeResult => ({
      ...partial,
      httpStatus: null,
      timings: { ...phases, firstByteMs: null, totalMs: sinceMs(startedAt) },
    });
    const deadline = startDeadline(config.timeoutMs, deps.signal, (reason) => {
      socket.destroy();
      const phase = phases.dnsMs === null && isIP(config.host) === 0 ? 'resolving' : 'connecting';
      const message = stopMessage(reason, config.timeoutMs, phase);
      resolve(result({ outcome: 'down', errorClass: reason === 'timeout' ? 'timeout' : 'other', message }));
    });
    const socket = openTimedSocket({ host: config.host, port: config.port }, phases, (error) => {
      deadline.clear();
      socket.destroy();
      if (deadline.reason) return;
      if (error) {
        const { errorClass, message } = classifyError(error);
        resolve(result({ outcome: 'down', errorClass, message }));
      } else {
        resolve(result({ outcome: 'up', errorClass: null, message: null }));
      }
    });
  });
}
