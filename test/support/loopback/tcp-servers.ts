import { spawn } from 'node:child_process';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';

export type LoopbackTcpServer = { port: number; close(): Promise<void> };

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function closeWith(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

function tracked(onConnection: (socket: Socket) => void): { server: Server; sockets: Set<Socket> } {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onConnection(socket);
  });
  return { server, sockets };
}

/** Accepts connections, reads what it is sent, and never answers. */
export async function startHangingServer(): Promise<LoopbackTcpServer> {
  const { server, sockets } = tracked((socket) => socket.resume());
  return { port: await listen(server), close: closeWith(server, sockets) };
}

/** Accepts, waits for the first bytes of a request, then resets the connection (TCP RST). */
export async function startResettingServer(): Promise<LoopbackTcpServer> {
  const { server, sockets } = tracked((socket) => socket.once('data', () => socket.resetAndDestroy()));
  return { port: await listen(server), close: closeWith(server, sockets) };
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function findClosedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A listener whose accept queue is full, so new connections hang in the handshake: the loopback way to
 * get a connect timeout. It lives in a child process that blocks its event loop after listening with
 * backlog 1 (so it never accepts); the queue is then filled until a connection attempt stalls.
 */
export async function startUnacceptingListener(): Promise<LoopbackTcpServer> {
  const script = `const s=require('node:net').createServer();s.listen({port:0,host:'127.0.0.1',backlog:1},()=>{process.stdout.write(s.address().port+'\\n');Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0)})`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (data) => resolve(Number(String(data).trim())));
  });
  const fillers: Socket[] = [];
  for (let attempt = 0; attempt < 16; attempt++) {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    fillers.push(socket);
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 150);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!connected) break;
  }
  return {
    port,
    close: async () => {
      for (const socket of fillers) socket.destroy();
      child.kill('SIGKILL');
    },
  };
}
