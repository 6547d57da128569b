import { z } from 'zod';
import { LOCALES } from '../../domain/shared/validation.ts';
import { PUBLIC_INCIDENT_STATUSES } from '../../domain/statuspage/incident-update-schemas.ts';

// Response shapes of the status page routes (strict: the API tests parse real responses with them).

const ts = z.string().describe('ISO 8601 instant, UTC');

export const statusPageDoc = z
  .object({
    id: z.string(),
    clientId: z.string(),
    slug: z.string().describe('the page is served at /status/{slug}'),
    title: z.string(),
    language: z.enum(LOCALES),
    timeZone: z.string().describe('IANA zone the page shows days and times in'),
    logoUrl: z.string().nullable(),
    faviconUrl: z.string().nullable(),
    brandColor: z.string().describe('#rrggbb; the header text colour is chosen to contrast with it'),
    accentColor: z.string().describe('#rrggbb, for links and charts (darkened on the page if too light to read)'),
    footerLinks: z.array(z.object({ label: z.string(), url: z.string() }).strict()),
    hidePoweredBy: z.boolean().describe('honoured only while the client’s plan allows hiding "Powered by Steward"'),
    published: z.boolean(),
    createdAt: ts,
    updatedAt: ts,
    archivedAt: ts.nullable(),
  })
  .strict();

export const statusPageComponentDoc = z
  .object({
    id: z.string(),
    pageId: z.string(),
    siteId: z.string().nullable(),
    monitorId: z.string().nullable(),
    displayName: z.string().describe('the name the public sees'),
    groupName: z.string().nullable(),
    position: z.number().int(),
    published: z.boolean(),
    createdAt: ts,
    updatedAt: ts,
  })
  .strict();

export const statusPageDomainDoc = z.object({ host: z.string(), pageId: z.string(), createdAt: ts }).strict();

export const statusPageDetailDoc = statusPageDoc
  .extend({
    components: z.array(
      statusPageComponentDoc
        .extend({
          target: z
            .object({ kind: z.enum(['site', 'monitor']), name: z.string(), archived: z.boolean() })
            .strict()
            .describe('what the component shows (internal name, staff only)'),
        })
        .strict(),
    ),
    domains: z.array(statusPageDomainDoc),
  })
  .strict();

export const incidentUpdateDoc = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    status: z.enum(PUBLIC_INCIDENT_STATUSES),
    message: z.string(),
    postedBy: z.string().nullable().describe('user id'),
    postedAt: ts,
  })
  .strict();

export const incidentUpdatesDoc = z
  .object({
    title: z.string().nullable().describe('public title; null: pages show a generic one naming the components'),
    updates: z.array(incidentUpdateDoc),
  })
  .strict();
