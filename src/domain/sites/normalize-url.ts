const MAX_URL_LENGTH = 2048;

/** Why a URL was refused, in words a person can act on; or the normalised URL. */
export type NormalizedUrl = { ok: true; url: string } | { ok: false; reason: string };

/**
 * One spelling per site, so duplicates are found: scheme and host lowercased (IDN as punycode),
 * default port and fragment dropped, https assumed when no scheme is given.
 */
export function normalizeSiteUrl(input: string): NormalizedUrl {
  const text = input.trim();
  if (text.length === 0) return { ok: false, reason: 'must not be empty' };
  if (text.length > MAX_URL_LENGTH) return { ok: false, reason: `must be at most ${MAX_URL_LENGTH} characters` };
  if (/\s/.test(text)) return { ok: false, reason: 'must not contain spaces' };
  // "mailto:…" has a scheme; "example.com:8080" and "localhost:8080" do not (a dot, or a port).
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[a-z][a-z0-9+-]*:(?!\d)/i.test(text);
  const withScheme = hasScheme ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: 'is not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: 'must start with http:// or https://' };
  if (url.username || url.password) return { ok: false, reason: 'must not contain a user name or password' };
  const host = url.hostname;
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
  if (!isIp && host !== 'localhost' && !/^([a-z0-9-]+\.)+[a-z0-9-]{2,}$/.test(host)) {
    return { ok: false, reason: 'must have a host name such as example.com' };
  }
  if (host.split('.').some((label) => label.length > 63 || label.startsWith('-') || label.endsWith('-'))) {
    return { ok: false, reason: 'has an invalid host name' };
  }
  if (url.port === '0') return { ok: false, reason: 'must not use port 0' };
  url.hash = '';
  // "example.com/?" and "example.com/" are the same page.
  if (url.search === '' || url.search === '?') url.search = '';
  // Percent-encoding can grow the text several times; the stored form must pass this check again.
  if (url.href.length > MAX_URL_LENGTH) return { ok: false, reason: `must be at most ${MAX_URL_LENGTH} characters` };
  return { ok: true, url: url.href };
}
