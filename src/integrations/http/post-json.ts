/** Bytes of a failed response's body kept for the error message (what the receiver complained about). */
const ERROR_BODY_BYTES = 300;

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/**
 * POSTs a JSON body and succeeds only on a 2xx answer within timeoutMs. Redirects are not
 * followed (a signed alert must not be replayed to another address): a 3xx is a failure too.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number) {
  let res: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Steward-Alerts/1', ...headers },
      body,
      redirect: 'manual',
      signal,
    });
  } catch (err) {
    if (signal.aborted) throw new DeliveryError(`no answer within ${timeoutMs} ms`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new DeliveryError(`request failed: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
  if (res.status >= 200 && res.status < 300) {
    await res.body?.cancel().catch(() => {});
    return;
  }
  const excerpt = await readExcerpt(res);
  throw new DeliveryError(`HTTP ${res.status}${excerpt ? `: ${excerpt}` : ''}`, res.status);
}

async function readExcerpt(res: Response): Promise<string> {
  try {
    const reader = res.body?.getReader();
    if (!reader) return '';
    const { value } = await reader.read();
    await reader.cancel().catch(() => {});
    return new TextDecoder()
      .decode(value?.slice(0, ERROR_BODY_BYTES) ?? new Uint8Array())
      .replace(/\s+/g, ' ')
      .trim();
  } catch {
    return '';
  }
}
