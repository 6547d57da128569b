import type { ErrorClass } from './types.ts';

const CODE_CLASSES: Record<string, ErrorClass> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NONAME: 'dns',
  EAI_NODATA: 'dns',
  ENODATA: 'dns',
  ESERVFAIL: 'dns',
  EREFUSED: 'dns',
  EFORMERR: 'dns',
  EBADNAME: 'dns',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  UND_ERR_SOCKET: 'reset',
  ETIMEDOUT: 'timeout',
  ETIMEOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  ENETDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname',
  CERT_HAS_EXPIRED: 'cert_expired',
};

// OpenSSL verification results (X509_V_ERR_* without the prefix) as Node reports them in `err.code`.
const TLS_VERIFY_CODE =
  /^(CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|INVALID_|HOSTNAME_MISMATCH|ERR_TLS_|ERR_SSL_|EPROTO$)/;

export type ClassifiedError = { errorClass: ErrorClass; message: string };

const MAX_MESSAGE_CHARS = 300;

export function truncateMessage(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
}

/** Maps a network/TLS/DNS error from Node or undici to the class a person would use to triage it. */
export function classifyError(error: unknown): ClassifiedError {
  const code = errorCode(error);
  const text = error instanceof Error ? error.message : String(error);
  const message = truncateMessage(code && !text.includes(code) ? `${code}: ${text}` : text);
  if (code === undefined) return { errorClass: 'other', message };
  const known = CODE_CLASSES[code];
  if (known) return { errorClass: known, message };
  if (TLS_VERIFY_CODE.test(code)) return { errorClass: 'tls', message };
  return { errorClass: 'other', message };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // undici wraps socket errors; the cause carries the system code.
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined ? undefined : errorCode(cause);
}
