import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction, connect as netConnect, type Socket } from 'node:net';
import { type TLSSocket, connect as tlsConnect } from 'node:tls';
import { secureContextWithExtraCa } from './secure-context.ts';
import { roundMs } from './timing.ts';

export type SocketPhases = { dnsMs: number | null; connectMs: number | null; tlsMs: number | null };

export type TlsSocketOptions = {
  /** SNI and the name the certificate must match; defaults to `host` unless it is an IP. */
  servername?: string;
  rejectUnauthorized: boolean;
  caPem?: string;
  alpnProtocols?: string[];
};

export type OpenSocketOptions = { host: string; port: number; tls?: TlsSocketOptions };

/**
 * Opens a fresh TCP (and TLS) connection and records how long DNS, TCP connect and the TLS handshake
 * took into `phases`. `onReady` gets the connected socket, or the first error; it is called once.
 * The caller owns the returned socket and destroys it on timeout.
 */
export function openTimedSocket(
  options: OpenSocketOptions,
  phases: SocketPhases,
  onReady: (error: Error | null, socket: Socket | TLSSocket) => void,
): Socket {
  const tls = options.tls;
  // Built (or fetched from cache) before the clock starts: it is setup cost, not a network phase.
  const secureContext = tls?.caPem ? secureContextWithExtraCa(tls.caPem) : undefined;
  const startedAt = performance.now();
  let resolvedAt = startedAt;
  const hostIsIp = isIP(options.host) !== 0;
  const lookup: LookupFunction | undefined = hostIsIp
    ? undefined
    : (hostname, lookupOptions, callback) => {
        dnsLookup(hostname, lookupOptions, (error, address, family) => {
          resolvedAt = performance.now();
          phases.dnsMs = roundMs(resolvedAt - startedAt);
          (callback as (...args: unknown[]) => void)(error, address, family);
        });
      };
  let connectedAt = startedAt;
  const socket: Socket = tls
    ? tlsConnect({
        host: options.host,
        port: options.port,
        lookup,
        servername: tls.servername ?? (hostIsIp ? undefined : options.host),
        rejectUnauthorized: tls.rejectUnauthorized,
        secureContext,
        ALPNProtocols: tls.alpnProtocols,
      })
    : netConnect({ host: options.host, port: options.port, lookup });
  // Headers and body go out in separate writes; Nagle would hold the body back for a delayed ACK.
  socket.setNoDelay(true);
  let settled = false;
  const settle = (error: Error | null) => {
    if (settled) return;
    settled = true;
    onReady(error, socket);
  };
  // Stays attached after success, so a late error on a socket nobody reads yet cannot crash the process.
  socket.on('error', settle);
  socket.once('connect', () => {
    connectedAt = performance.now();
    phases.connectMs = roundMs(connectedAt - resolvedAt);
    if (!tls) settle(null);
  });
  if (tls) {
    socket.once('secureConnect', () => {
      phases.tlsMs = roundMs(performance.now() - connectedAt);
      settle(null);
    });
  }
  return socket;
}
