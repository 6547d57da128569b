import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

const MAX_CACHED_CONTEXTS = 64;
const contextsByCaPem = new Map<string, SecureContext>();

/**
 * A context trusting Node's default roots plus `caPem`. Passing `ca` alone would replace the roots,
 * and building a context with ~150 roots costs milliseconds, so contexts are cached per PEM.
 */
export function secureContextWithExtraCa(caPem: string): SecureContext {
  const cached = contextsByCaPem.get(caPem);
  if (cached) return cached;
  if (contextsByCaPem.size >= MAX_CACHED_CONTEXTS) contextsByCaPem.clear();
  const context = createSecureContext({ ca: [...rootCertificates, caPem] });
  contextsByCaPem.set(caPem, context);
  return context;
}
