/** Where a heartbeat monitor's job calls in: `${base}/hb/<token>` (served by the heartbeat ping route). */
export function heartbeatPingUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/hb/${encodeURIComponent(token)}`;
}
