import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

export type LoopbackHttpServer = {
  port: number;
  /** `http(s)://<host>:<port><path>`; host defaults to 127.0.0.1. */
  url(path?: string, host?: string): string;
  /** Requests seen so far, in order (method and path). */
  requests: { method: string; path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
};

/** A real HTTP (or, with `tls`, HTTPS) server on 127.0.0.1 and an ephemeral port. */
export async function startHttpServer(
  handler: RequestHandler,
  options: { tls?: { keyPem: string; certPem: string } } = {},
): Promise<LoopbackHttpServer> {
  const requests: LoopbackHttpServer['requests'] = [];
  const listener: RequestHandler = (request, response) => {
    requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers });
    handler(request, response);
  };
  const server = options.tls
    ? createHttpsServer({ key: options.tls.keyPem, cert: options.tls.certPem }, listener)
    : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls ? 'https' : 'http';
  return {
    port,
    url: (path = '/', host = '127.0.0.1') => `${scheme}://${host}:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reads the whole request body as text. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
