import { type JsonPath, parseJsonPath } from './json-path.ts';
import type { HttpProbeConfig } from './schemas.ts';
import { secureContextWithExtraCa } from './secure-context.ts';

export const USER_AGENT = 'Steward-Monitor/1 (+uptime check)';

/** What a check needs from its config, worked out once per config object rather than once per check. */
export type HttpProbePlan = {
  config: HttpProbeConfig;
  url: URL;
  headers: Record<string, string>;
  statusRanges: readonly (readonly [number, number])[];
  jsonPath: JsonPath | null;
  captureBody: boolean;
};

const plansByConfig = new WeakMap<HttpProbeConfig, HttpProbePlan>();

export function planHttpProbe(config: HttpProbeConfig): HttpProbePlan {
  const cached = plansByConfig.get(config);
  if (cached) return cached;
  const url = new URL(config.url);
  const headers: Record<string, string> = { 'user-agent': USER_AGENT };
  for (const [name, value] of Object.entries(config.headers)) headers[name.toLowerCase()] = value;
  if ((url.username || url.password) && headers.authorization === undefined) {
    const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
  url.username = '';
  url.password = '';
  const jsonPath = config.jsonPath ? parseJsonPath(config.jsonPath.path) : null;
  if (config.jsonPath && !jsonPath) throw new Error(`invalid JSON path ${config.jsonPath.path}`);
  const plan: HttpProbePlan = {
    config,
    url,
    headers,
    statusRanges: config.expectedStatus.map(parseStatusRange),
    jsonPath,
    captureBody: config.method !== 'HEAD' && (config.keyword !== undefined || config.jsonPath !== undefined),
  };
  // Building a context with an extra CA takes milliseconds; do it here, outside any measured phase.
  if (config.ca) secureContextWithExtraCa(config.ca);
  plansByConfig.set(config, plan);
  return plan;
}

function parseStatusRange(range: string): readonly [number, number] {
  const [low, high = low] = range.split('-').map(Number);
  if (!low || !high || low > high) throw new Error(`invalid status range ${range}`);
  return [low, high];
}

export function statusIsExpected(plan: HttpProbePlan, statusCode: number): boolean {
  return plan.statusRanges.some(([low, high]) => statusCode >= low && statusCode <= high);
}

/** Follows the browser rules: 303 (and 301/302 after a POST) become GET without a body. */
export function redirectMethod(statusCode: number, method: string): string {
  if (method === 'HEAD') return method;
  if (statusCode === 303 || ((statusCode === 301 || statusCode === 302) && method === 'POST')) return 'GET';
  return method;
}

const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** Credentials are not forwarded to another origin. */
export function headersForRedirect(headers: Record<string, string>, from: URL, to: URL): Record<string, string> {
  if (from.origin === to.origin) return headers;
  const next = { ...headers };
  for (const name of CREDENTIAL_HEADERS) delete next[name];
  return next;
}
