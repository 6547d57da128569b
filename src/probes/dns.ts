import { promises as dnsPromises } from 'node:dns';
import { startDeadline, stopMessage } from './deadline.ts';
import { classifyError, truncateMessage } from './error-class.ts';
import type { DnsProbeConfig, DnsRecordType } from './schemas.ts';
import { roundMs, sinceMs } from './timing.ts';
import type { ProbeDeps, ProbeResult } from './types.ts';

type Resolver = InstanceType<typeof dnsPromises.Resolver>;

const MAX_CACHED_RESOLVERS = 64;
const RESOLVER_GRACE_MS = 500;
const resolvers = new Map<string, Resolver>();

/**
 * Resolvers are shared per server and timeout: each owns a c-ares channel, and with `tries: 1` its own
 * timeout ends every query soon after the probe's, so a check never needs to cancel (which would
 * cancel its neighbours' queries too).
 */
function resolverFor(server: string | undefined, timeoutMs: number): Resolver {
  const key = `${server ?? ''}|${timeoutMs}`;
  const cached = resolvers.get(key);
  if (cached) return cached;
  if (resolvers.size >= MAX_CACHED_RESOLVERS) resolvers.clear();
  // c-ares gives up a little after our deadline, so the deadline (with its clearer message) decides.
  const resolver = new dnsPromises.Resolver({ timeout: timeoutMs + RESOLVER_GRACE_MS, tries: 1 });
  if (server) resolver.setServers([server]);
  resolvers.set(key, resolver);
  return resolver;
}

/** The answers as comparable strings: lower-case names without the root dot, canonical IPv6, joined TXT chunks. */
async function resolveAnswers(resolver: Resolver, hostname: string, type: DnsRecordType): Promise<string[]> {
  switch (type) {
    case 'A':
      return resolver.resolve4(hostname);
    case 'AAAA':
      return (await resolver.resolve6(hostname)).map(canonicalIpv6);
    case 'CNAME':
      return (await resolver.resolveCname(hostname)).map(canonicalName);
    case 'NS':
      return (await resolver.resolveNs(hostname)).map(canonicalName);
    case 'MX':
      return (await resolver.resolveMx(hostname)).map((mx) => `${mx.priority} ${canonicalName(mx.exchange)}`);
    case 'TXT':
      return (await resolver.resolveTxt(hostname)).map((chunks) => chunks.join(''));
  }
}

function canonicalName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function canonicalIpv6(address: string): string {
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}

function answerMatches(type: DnsRecordType, answer: string, expected: string): boolean {
  switch (type) {
    case 'A':
      return answer === expected;
    case 'AAAA':
      return URL.canParse(`http://[${expected}]/`) && answer === canonicalIpv6(expected);
    case 'TXT':
      return answer === expected;
    case 'MX':
      // "mail.example.com" matches any priority; "10 mail.example.com" only that one.
      return answer === canonicalName(expected) || answer.split(' ')[1] === canonicalName(expected);
    default:
      return answer === canonicalName(expected);
  }
}

/** Up when the record resolves (and, with `expected`, one of the answers is that value). */
export async function runDnsProbe(config: DnsProbeConfig, deps: ProbeDeps): Promise<ProbeResult> {
  const startedAt = performance.now();
  const timings = { dnsMs: null as number | null, connectMs: null, tlsMs: null, firstByteMs: null, totalMs: 0 };
  const down = (errorClass: ProbeResult['errorClass'], message: string): ProbeResult => {
    timings.totalMs = sinceMs(startedAt);
    return { outcome: 'down', errorClass, message: truncateMessage(message), httpStatus: null, timings };
  };
  let stop: (reason: 'timeout' | 'aborted') => void = () => {};
  const stopped = new Promise<'timeout' | 'aborted'>((resolve) => {
    stop = resolve;
  });
  const deadline = startDeadline(config.timeoutMs, deps.signal, (reason) => stop(reason));
  const resolver = resolverFor(config.resolver, config.timeoutMs);
  const lookup = resolveAnswers(resolver, config.hostname, config.recordType).then(
    (answers) => ({ answers }),
    (error: unknown) => ({ error }),
  );
  const outcome = await Promise.race([lookup, stopped]);
  deadline.clear();
  if (typeof outcome === 'string') {
    const message = stopMessage(outcome, config.timeoutMs, `resolving ${config.recordType}`);
    return down(outcome === 'timeout' ? 'timeout' : 'other', message);
  }
  timings.dnsMs = roundMs(performance.now() - startedAt);
  if ('error' in outcome) {
    const { errorClass, message } = classifyError(outcome.error);
    return down(errorClass, `${config.recordType} ${config.hostname}: ${message}`);
  }
  const { answers } = outcome;
  const summary = `${config.recordType} ${answers.join(', ')}`;
  if (answers.length === 0) return down('dns', `no ${config.recordType} records for ${config.hostname}`);
  if (config.expected !== undefined && !answers.some((a) => answerMatches(config.recordType, a, config.expected!))) {
    return down('dns', `expected ${config.expected}, got ${summary}`);
  }
  timings.totalMs = sinceMs(startedAt);
  return { outcome: 'up', errorClass: null, message: truncateMessage(summary), httpStatus: null, timings };
}
