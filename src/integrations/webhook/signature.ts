import { createHmac, timingSafeEqual } from 'node:crypto';

// The webhook signature scheme, documented in docs/webhooks.md: receivers verify exactly this.

export const TIMESTAMP_HEADER = 'Steward-Timestamp';
export const SIGNATURE_HEADER = 'Steward-Signature';
/** A receiver should refuse a request whose timestamp is further than this from its own clock. */
export const DEFAULT_TOLERANCE_S = 300;

/** `v1=` + hex HMAC-SHA256(secret, timestamp + "." + body). */
export function signWebhook(secret: string, timestampS: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex')}`;
}

/**
 * Verifies a request as a receiver would: the timestamp within the tolerance, then any `v1=`
 * signature in the header (comma-separated) equal, in constant time, to the expected one.
 */
export function verifyWebhookSignature(v: {
  secret: string;
  timestampHeader: string | null | undefined;
  signatureHeader: string | null | undefined;
  body: string;
  nowS: number;
  toleranceS?: number;
}): boolean {
  if (!v.timestampHeader || !/^\d{1,12}$/.test(v.timestampHeader) || !v.signatureHeader) return false;
  const timestampS = Number(v.timestampHeader);
  if (Math.abs(v.nowS - timestampS) > (v.toleranceS ?? DEFAULT_TOLERANCE_S)) return false;
  const expected = Buffer.from(signWebhook(v.secret, timestampS, v.body));
  return v.signatureHeader.split(',').some((candidate) => {
    const given = Buffer.from(candidate.trim());
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
