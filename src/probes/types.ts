/** The verdict of one check: `degraded` means reachable but outside a soft limit (slow, certificate expiring). */
export type CheckOutcome = 'up' | 'down' | 'degraded';

export type ErrorClass =
  | 'timeout'
  | 'dns'
  | 'refused'
  | 'reset'
  | 'tls'
  | 'status'
  | 'keyword'
  | 'too_slow'
  | 'cert_expiring'
  | 'cert_expired'
  | 'hostname'
  | 'unreachable'
  | 'other';

/**
 * Durations of each phase in milliseconds, rounded to 0.1 ms and measured with a monotonic clock.
 * A phase that did not happen (no DNS for an IP literal, no TLS for plain HTTP) or did not finish is null.
 * With redirects each phase is the sum over all hops; `totalMs` is always the whole probe, wall time.
 * `firstByteMs` is the wait between the request being sent on a ready connection and the response headers.
 */
export type ProbeTimings = {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  firstByteMs: number | null;
  totalMs: number;
};

export type TlsCertificateInfo = {
  validToMs: number;
  /** Whole days left at the injected `nowMs` (floored; negative once expired). */
  daysToExpiry: number;
  issuer: string;
  subject: string;
  /** Chain and hostname as judged by Node/OpenSSL with the configured trust store. */
  authorized: boolean;
  authorizationError: string | null;
};

export type ProbeResult = {
  outcome: CheckOutcome;
  errorClass: ErrorClass | null;
  message: string | null;
  httpStatus: number | null;
  timings: ProbeTimings;
  tls?: TlsCertificateInfo;
};

/**
 * What a probe needs from its caller. `nowMs` is the injected wall clock (certificate expiry);
 * durations use `performance.now()` because they must not jump with the wall clock.
 */
export type ProbeDeps = {
  nowMs: () => number;
  signal?: AbortSignal;
};
