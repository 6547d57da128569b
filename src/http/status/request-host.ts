import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { hostFromHeader } from '../../domain/statuspage/hostname.ts';

/** The peers allowed to name the host a visitor asked for in X-Forwarded-Host (IPs or CIDR ranges). */
export function trustedProxyList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

/** The socket peer's address; undefined for in-process requests (tests) that have no socket. */
export function peerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address ?? undefined;
  } catch {
    return undefined;
  }
}

function isTrusted(list: BlockList, address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  const family = isIP(v4);
  if (family === 0) return false;
  return list.check(v4, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The host the visitor asked for: X-Forwarded-Host when the request comes from a trusted proxy,
 * otherwise Host. Anyone can send X-Forwarded-Host; only a configured proxy is believed.
 */
export function requestedHost(c: Context, proxies: BlockList): string | null {
  const forwarded = c.req.header('x-forwarded-host');
  if (forwarded && isTrusted(proxies, peerAddress(c))) return hostFromHeader(forwarded);
  return hostFromHeader(c.req.header('host') ?? new URL(c.req.url).host);
}

/** "https" when the visitor used HTTPS: directly, or as a trusted proxy (or STEWARD_TRUST_PROXY) says. */
export function requestScheme(c: Context, proxies: BlockList, trustProxy: boolean): 'http' | 'https' {
  if (new URL(c.req.url).protocol === 'https:') return 'https';
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
  if (forwarded === 'https' && (trustProxy || isTrusted(proxies, peerAddress(c)))) return 'https';
  return 'http';
}
