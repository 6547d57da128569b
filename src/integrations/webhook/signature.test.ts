import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './signature.ts';

describe('webhook signature', () => {
  it('is v1= hex HMAC-SHA256 over "timestamp.body"', () => {
    // Reference value computed outside Node: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(signWebhook('whsec_test', 1_700_000_000, '{"a":1}')).toBe(
      'v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
  });

  const body = '{"type":"down","id":"alr_1"}';
  const secret = 'whsec_abc';
  const ts = 1_700_000_000;
  const valid = { secret, timestampHeader: String(ts), signatureHeader: signWebhook(secret, ts, body), body, nowS: ts };

  it('accepts a valid signature within the 5-minute tolerance, either way', () => {
    expect(verifyWebhookSignature(valid)).toBe(true);
    expect(verifyWebhookSignature({ ...valid, nowS: ts + 300 })).toBe(true);
    expect(verifyWebhookSignature({ ...valid, nowS: ts - 300 })).toBe(true);
    expect(verifyWebhookSignature({ ...valid, nowS: ts + 301 })).toBe(false);
    expect(verifyWebhookSignature({ ...valid, nowS: ts - 301 })).toBe(false);
  });

  it('accepts any of several signatures (during a secret rotation)', () => {
    const other = `v1=${createHmac('sha256', 'whsec_old').update(`${ts}.${body}`).digest('hex')}`;
    expect(verifyWebhookSignature({ ...valid, signatureHeader: `${other}, ${valid.signatureHeader}` })).toBe(true);
    expect(verifyWebhookSignature({ ...valid, signatureHeader: other })).toBe(false);
  });

  it('refuses anything altered or malformed', () => {
    for (const change of [
      { body: `${body} ` },
      { secret: 'whsec_abd' },
      { timestampHeader: String(ts + 1) },
      { timestampHeader: '1.7e9' },
      { timestampHeader: null },
      { signatureHeader: null },
      { signatureHeader: valid.signatureHeader.slice(0, -1) },
      { signatureHeader: valid.signatureHeader.replace('v1=', 'v0=') },
      { signatureHeader: valid.signatureHeader.toUpperCase() },
    ]) {
      expect(verifyWebhookSignature({ ...valid, ...change }), JSON.stringify(change)).toBe(false);
    }
  });
});
