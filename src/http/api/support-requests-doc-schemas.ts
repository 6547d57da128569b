import { z } from 'zod';
import { SUPPORT_STATUSES, URGENCIES } from '../../domain/portal/support-request-schemas.ts';

// Response shapes of the support request routes (strict: the API tests parse real responses with them).

const ts = z.string().describe('ISO 8601 instant, UTC');

export const supportRequestDoc = z
  .object({
    id: z.string(),
    clientId: z.string(),
    clientName: z.string(),
    siteId: z.string().nullable(),
    siteName: z.string().nullable(),
    contactId: z.string().nullable().describe('the contact who opened it; null when staff opened it'),
    contactName: z.string().nullable(),
    subject: z.string(),
    description: z.string(),
    urgency: z.enum(URGENCIES),
    status: z.enum(SUPPORT_STATUSES).describe('open: waiting for staff; answered: waiting for the contact'),
    createdAt: ts,
    updatedAt: ts,
    closedAt: ts.nullable(),
  })
  .strict();

export const supportMessageDoc = z
  .object({
    id: z.string(),
    authorKind: z.enum(['contact', 'staff']),
    authorName: z.string(),
    body: z.string(),
    createdAt: ts,
  })
  .strict();

export const supportRequestDetailDoc = supportRequestDoc.extend({ messages: z.array(supportMessageDoc) }).strict();
