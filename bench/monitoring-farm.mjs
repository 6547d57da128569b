// Target servers for bench:monitoring, run in a child process so their CPU is not counted as
// Steward's. Plain JavaScript (no tsx) to keep the farm itself light.
//   FARM_HTTP_HOSTS   HTTP servers, one per loopback address 127.0.1.x (default 200)
//   FARM_HTTPS_HOSTS  HTTPS servers with the self-signed KEY_PEM/CERT_PEM on 127.0.2.x (default 20)
// Paths: /ok (200), /slow?ms=N (200 after N ms), /fail (500). Prints one JSON line when listening.
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';

const httpHosts = Number(process.env.FARM_HTTP_HOSTS ?? 200);
const httpsHosts = Number(process.env.FARM_HTTPS_HOSTS ?? 20);
const tls = { key: process.env.KEY_PEM, cert: process.env.CERT_PEM };

function handle(req, res) {
  const url = req.url ?? '/';
  if (url.startsWith('/fail')) {
    res.statusCode = 500;
    res.end('internal error');
  } else if (url.startsWith('/slow')) {
    const ms = Number(new URL(url, 'http://x').searchParams.get('ms') ?? 500);
    setTimeout(() => res.end('ok: slow but green'), ms);
  } else {
    res.end('ok: status green');
  }
}

function listen(server, host) {
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve({ host, port: server.address().port }));
  });
}

const http = [];
for (let i = 1; i <= httpHosts; i++) http.push(await listen(createHttp(handle), `127.0.1.${i}`));
const https = [];
for (let i = 1; i <= httpsHosts; i++) https.push(await listen(createHttps(tls, handle), `127.0.2.${i}`));
process.stdout.write(`${JSON.stringify({ http, https })}\n`);
process.on('SIGTERM', () => process.exit(0));
