import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode } from '../errors.ts';

/** The one place where a domain error becomes an HTTP status. */
export const statusByCode: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid: 422,
  rate_limited: 429,
};

/** Turns anything thrown into an AppError; unknown errors return undefined (a 500). */
export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError('payload_too_large', 'The request body is larger than 1 MiB');
    if (err.status === 400) return new AppError('bad_request', err.message || 'Malformed request');
    if (err.status === 401) return new AppError('unauthenticated', err.message || 'Sign in first');
    if (err.status === 403) return new AppError('forbidden', err.message || 'Forbidden');
    if (err.status === 404) return new AppError('not_found', err.message || 'Not found');
  }
  return undefined;
}

export function errorBody(err: AppError) {
  return {
    error: { code: err.code, message: err.message, ...(err.details !== undefined && { details: err.details }) },
  };
}

export function jsonError(c: Context, err: AppError) {
  if (err.code === 'rate_limited') {
    const retry = (err.details as { retryAfterS?: number } | undefined)?.retryAfterS;
    if (retry) c.header('Retry-After', String(retry));
  }
  return c.json(errorBody(err), statusByCode[err.code]);
}
