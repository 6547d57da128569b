import { z } from 'zod';

export const URGENCIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const SUPPORT_STATUSES = ['open', 'answered', 'closed'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

const subject = z.string().trim().min(1, 'must not be empty').max(200);
const text = z.string().trim().min(1, 'must not be empty').max(10_000);
const id = z.string().trim().min(1).max(64);

/** What a contact fills in; the site is optional and must be one of their own. */
export const openSupportRequestSchema = z
  .object({
    subject,
    description: text,
    siteId: id.nullable().optional(),
    urgency: z.enum(URGENCIES).default('normal'),
  })
  .strict();

/** Staff opening a request on a client's behalf (e.g. after a phone call). */
export const staffOpenSupportRequestSchema = openSupportRequestSchema
  .extend({ clientId: id, contactId: id.nullable().optional() })
  .strict();

export const supportReplySchema = z.object({ body: text }).strict();

export const listSupportRequestsQuerySchema = z
  .object({
    status: z.enum([...SUPPORT_STATUSES, 'active', 'all']).default('active'),
    clientId: id.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .strict();

export type SupportMessageView = {
  id: string;
  authorKind: 'contact' | 'staff';
  authorName: string;
  body: string;
  createdAt: string;
};

export type SupportRequestView = {
  id: string;
  clientId: string;
  clientName: string;
  siteId: string | null;
  siteName: string | null;
  contactId: string | null;
  contactName: string | null;
  subject: string;
  description: string;
  urgency: Urgency;
  status: SupportStatus;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
};

export type SupportRequestDetail = SupportRequestView & { messages: SupportMessageView[] };
