import type { PublicIncident, PublicStatus } from '../../domain/statuspage/public-types.ts';
import { incidentTitle } from './incident-views.tsx';
import { type PageText, pageText } from './page-text.ts';

// Atom and RSS feeds of a page's incidents: one entry when an incident starts, one per public
// update, one when it is resolved, so a feed reader shows each step as news.

const MAX_ENTRIES = 100;

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 cannot carry
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe inside XML 1.0: escaped, without the control characters XML cannot carry. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(LONE_SURROGATE, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

type FeedEntry = { id: string; title: string; link: string; atMs: number; body: string };

function entriesOf(status: PublicStatus, base: string, text: PageText): FeedEntry[] {
  const entries: FeedEntry[] = [];
  const all: PublicIncident[] = [...status.activeIncidents, ...status.pastIncidents];
  for (const i of all) {
    const link = `${base}/incidents/${i.publicId}`;
    const title = incidentTitle(i, text);
    const affects = text.t('incidentAffects', { components: text.list(i.componentNames) });
    const entry = (suffix: string, stage: PublicIncident['status'], atMs: number, message: string) =>
      entries.push({
        id: `${link}#${suffix}`,
        title: `${title}: ${text.t(`stage.${stage}`)}`,
        link,
        atMs,
        body: `${message}\n\n${affects}`,
      });
    entry('started', 'investigating', i.startedAt, text.t('incidentNoUpdates'));
    for (const u of i.updates) entry(`update-${u.postedAt}`, u.status, u.postedAt, u.message);
    if (i.resolvedAt !== null) {
      entry('resolved', 'resolved', i.resolvedAt, text.t('feedEntryStatus', { stage: text.t('stage.resolved') }));
    }
  }
  return entries.sort((a, b) => b.atMs - a.atMs || a.id.localeCompare(b.id)).slice(0, MAX_ENTRIES);
}

const iso = (ms: number) => new Date(ms).toISOString();

export function renderAtom(status: PublicStatus, base: string): string {
  const text = pageText(status.page.language, status.page.timeZone);
  const entries = entriesOf(status, base, text);
  const updated = entries[0]?.atMs ?? status.fromMs;
  const title = xmlText(text.t('feedTitle', { title: status.page.title }));
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${status.page.language}">
  <title>${title}</title>
  <id>${xmlText(`${base}/`)}</id>
  <link rel="self" type="application/atom+xml" href="${xmlText(`${base}/feed.atom`)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(`${base}/`)}"/>
  <updated>${iso(updated)}</updated>
  <author><name>${xmlText(status.page.title)}</name></author>
${entries
  .map(
    (e) => `  <entry>
    <id>${xmlText(e.id)}</id>
    <title>${xmlText(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>
    <updated>${iso(e.atMs)}</updated>
    <content type="text">${xmlText(e.body)}</content>
  </entry>`,
  )
  .join('\n')}
</feed>
`;
}

export function renderRss(status: PublicStatus, base: string): string {
  const text = pageText(status.page.language, status.page.timeZone);
  const entries = entriesOf(status, base, text);
  const updated = entries[0]?.atMs ?? status.fromMs;
  const title = xmlText(text.t('feedTitle', { title: status.page.title }));
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${title}</title>
    <link>${xmlText(`${base}/`)}</link>
    <description>${title}</description>
    <language>${status.page.language}</language>
    <lastBuildDate>${new Date(updated).toUTCString()}</lastBuildDate>
    <atom:link rel="self" type="application/rss+xml" href="${xmlText(`${base}/feed.rss`)}"/>
${entries
  .map(
    (e) => `    <item>
      <title>${xmlText(e.title)}</title>
      <link>${xmlText(e.link)}</link>
      <guid isPermaLink="false">${xmlText(e.id)}</guid>
      <pubDate>${new Date(e.atMs).toUTCString()}</pubDate>
      <description>${xmlText(e.body)}</description>
    </item>`,
  )
  .join('\n')}
  </channel>
</rss>
`;
}
