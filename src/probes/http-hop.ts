import type { Socket } from 'node:net';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { Client, type Dispatcher } from 'undici';
import { openTimedSocket, type SocketPhases } from './open-socket.ts';
import { roundMs } from './timing.ts';

/** Body bytes read at most; the rest is not downloaded (keyword/JSON checks see this prefix). */
export const MAX_BODY_BYTES = 1024 * 1024;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isRedirectStatus(statusCode: number): boolean {
  return REDIRECT_STATUSES.has(statusCode);
}

export type HopRequest = {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  rejectUnauthorized: boolean;
  caPem: string | undefined;
  captureBody: boolean;
  /** A redirect answer is final at its headers: its body is not read. */
  stopAtRedirect: boolean;
};

export type HopPhases = SocketPhases & { firstByteMs: number | null };

export type PeerTls = { certificate: PeerCertificate; authorized: boolean; authorizationError: string | null };

export type HopResponse = {
  statusCode: number;
  location: string | null;
  body: Buffer | null;
  bodyTruncated: boolean;
  peerTls: PeerTls | null;
};

export type HopResult = { response: HopResponse; error?: undefined } | { response?: undefined; error: Error };

export type RunningHop = {
  done: Promise<HopResult>;
  /** Ends the hop now (deadline, caller abort): `done` settles with `reason`. */
  cancel(reason: Error): void;
  /** Releases the connection; call once `done` has settled. */
  dispose(): void;
};

const noop = () => {};
const stopReading = new Error('probe stopped reading the response');

/**
 * One request on its own undici Client and its own connection: the custom connector times DNS,
 * connect and TLS for this request alone, and `reset: true` closes the connection afterwards,
 * so nothing is reused between checks.
 */
export function startHop(request: HopRequest, phases: HopPhases): RunningHop {
  let settled = false;
  let resolveDone!: (result: HopResult) => void;
  const done = new Promise<HopResult>((resolve) => {
    resolveDone = resolve;
  });
  const settle = (result: HopResult) => {
    if (settled) return;
    settled = true;
    resolveDone(result);
  };

  const { url } = request;
  const isHttps = url.protocol === 'https:';
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const port = url.port === '' ? (isHttps ? 443 : 80) : Number(url.port);
  let socket: Socket | TLSSocket | null = null;
  let readyAt = 0;

  const client = new Client(url.origin, {
    headersTimeout: 0,
    bodyTimeout: 0,
    connect: (_options, callback) => {
      const tls = isHttps
        ? { rejectUnauthorized: request.rejectUnauthorized, caPem: request.caPem, alpnProtocols: ['http/1.1'] }
        : undefined;
      socket = openTimedSocket({ host, port, tls }, phases, (error, connected) => {
        if (error) return callback(error, null);
        readyAt = performance.now();
        callback(null, connected);
      });
    },
  });

  const chunks: Buffer[] = [];
  let bodyBytes = 0;
  let response: HopResponse | null = null;
  const handler: Dispatcher.DispatchHandler = {
    // undici treats a handler without onRequestStart as one of the deprecated legacy shape.
    onRequestStart() {},
    onResponseStart(controller, statusCode, headers) {
      phases.firstByteMs = roundMs(performance.now() - readyAt);
      const location = typeof headers.location === 'string' ? headers.location : null;
      const isRedirect = location !== null && isRedirectStatus(statusCode);
      response = {
        statusCode,
        location,
        body: null,
        bodyTruncated: false,
        peerTls: isHttps && !isRedirect ? readPeerTls(socket as TLSSocket) : null,
      };
      if (isRedirect && request.stopAtRedirect) {
        settle({ response });
        controller.abort(stopReading);
      }
    },
    onResponseData(controller, chunk) {
      if (!response || settled) return;
      const room = MAX_BODY_BYTES - bodyBytes;
      bodyBytes += chunk.length;
      if (request.captureBody) chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      if (bodyBytes >= MAX_BODY_BYTES) {
        response.bodyTruncated = true;
        finishResponse();
        controller.abort(stopReading);
      }
    },
    onResponseEnd() {
      finishResponse();
    },
    onResponseError(_controller, error) {
      settle({ error });
    },
  };

  const finishResponse = () => {
    if (!response || settled) return;
    if (request.captureBody) response.body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    settle({ response });
  };

  try {
    client.dispatch(
      {
        path: url.pathname + url.search,
        method: request.method,
        headers: request.headers,
        body: request.body,
        reset: true,
      },
      handler,
    );
  } catch (error) {
    settle({ error: error as Error });
  }

  return {
    done,
    cancel(reason) {
      settle({ error: reason });
      socket?.destroy();
      client.destroy(reason, noop);
    },
    dispose() {
      // A finished exchange has already closed its connection (`reset: true`), and the Client holds no
      // timers, so it is simply dropped: client.destroy() would build an error with a stack per check.
      socket?.destroy();
    },
  };
}

function readPeerTls(socket: TLSSocket): PeerTls | null {
  const certificate = socket.getPeerCertificate();
  if (!certificate?.valid_to) return null;
  const authorizationError = socket.authorizationError;
  return {
    certificate,
    authorized: socket.authorized,
    authorizationError: authorizationError ? String(authorizationError) : null,
  };
}
