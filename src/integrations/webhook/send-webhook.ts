import { postJson } from '../http/post-json.ts';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './signature.ts';

/** POSTs a signed webhook; the timestamp is the attempt's, so a retry carries a fresh signature. */
export async function sendWebhook(url: string, body: string, secret: string, nowMs: number, timeoutMs: number) {
  const timestampS = Math.floor(nowMs / 1000);
  await postJson(
    url,
    body,
    { [TIMESTAMP_HEADER]: String(timestampS), [SIGNATURE_HEADER]: signWebhook(secret, timestampS, body) },
    timeoutMs,
  );
}
