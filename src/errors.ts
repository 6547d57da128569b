/** The closed set of failure kinds a use case can report; HTTP status is mapped once, in http/errors.ts. */
export type ErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unsupported_media_type';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const conflict = (message: string, details?: unknown) => new AppError('conflict', message, details);
export const invalid = (message: string, details?: unknown) => new AppError('invalid', message, details);
export const forbidden = (message = 'You do not have permission to do this') => new AppError('forbidden', message);
