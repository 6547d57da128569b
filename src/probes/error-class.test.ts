import { describe, expect, it } from 'vitest';
import { classifyError } from './error-class.ts';

function withCode(code: string, message = 'failed', cause?: unknown): Error {
  return Object.assign(new Error(message, { cause }), { code });
}

describe('classifyError', () => {
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'refused'],
    ['ECONNRESET', 'reset'],
    ['UND_ERR_SOCKET', 'reset'],
    ['ETIMEDOUT', 'timeout'],
    ['EHOSTUNREACH', 'unreachable'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls'],
    ['CERT_HAS_EXPIRED', 'cert_expired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'hostname'],
    ['HPE_INVALID_CONSTANT', 'other'],
  ])('maps %s to %s', (code, errorClass) => {
    expect(classifyError(withCode(code)).errorClass).toBe(errorClass);
  });

  it('reads the code of a wrapped cause and names it in the message', () => {
    const wrapped = new Error('fetch failed', { cause: withCode('ECONNREFUSED', 'connect refused') });
    expect(classifyError(wrapped)).toEqual({ errorClass: 'refused', message: 'ECONNREFUSED: fetch failed' });
  });

  it('keeps messages short', () => {
    const { message } = classifyError(withCode('ECONNRESET', 'x'.repeat(1_000)));
    expect(message.length).toBeLessThanOrEqual(300);
    expect(classifyError('odd')).toEqual({ errorClass: 'other', message: 'odd' });
  });
});
