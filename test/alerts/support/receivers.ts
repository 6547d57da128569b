import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedRequest = { path: string; headers: http.IncomingHttpHeaders; body: string };

/**
 * An HTTP receiver on loopback (webhook or Slack-compatible): records every request and answers
 * with the status `respond` picks for the n-th request (1-based), or never answers ('hang').
 */
export async function startHttpReceiver(respond: (n: number, req: ReceivedRequest) => number | 'hang' = () => 200) {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(received);
      const status = respond(requests.length, received);
      if (status === 'hang') return;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `receiver says ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ReceivedMail = { from: string; to: string[]; raw: string };

/**
 * A real SMTP server on loopback. A message counts as received only once the server accepted it
 * (the final 250); `holdNext` makes the next message wait unanswered until the client gives up.
 */
export async function startSmtpReceiver() {
  const messages: ReceivedMail[] = [];
  let holdNext = false;
  const dataStarted: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 200,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        for (const notify of dataStarted.splice(0)) notify();
        if (holdNext) {
          holdNext = false;
          return; // never answer: the message is not accepted
        }
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** The next message is received but never accepted. */
    holdNextMessage() {
      holdNext = true;
    },
    /** Resolves when a message's data has been received (accepted or held). */
    nextData: () => new Promise<void>((resolve) => dataStarted.push(resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
