import { z } from 'zod';
import type { ClientContactsTable, ClientsTable } from '../../storage/schema.ts';
import { currencySchema, emailSchema, localeSchema, nameSchema, timeZoneSchema } from '../shared/validation.ts';

export const contactInputSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    language: localeSchema.optional(),
    phone: z.string().trim().max(50).nullable().optional(),
    isReportRecipient: z.boolean().optional(),
  })
  .strict();

export const createClientSchema = z
  .object({
    name: nameSchema,
    locale: localeSchema.optional(),
    timeZone: timeZoneSchema.optional(),
    currency: currencySchema.optional(),
    notes: z.string().max(10_000).optional(),
    contacts: z.array(contactInputSchema).max(50).optional(),
  })
  .strict();

export const updateClientSchema = z
  .object({
    name: nameSchema,
    locale: localeSchema,
    timeZone: timeZoneSchema,
    currency: currencySchema,
    notes: z.string().max(10_000),
  })
  .partial()
  .strict();

export const updateContactSchema = contactInputSchema.partial().strict();

export const listClientsQuerySchema = z.object({
  q: z.string().max(200).optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
});

export type Contact = {
  id: string;
  clientId: string;
  name: string;
  email: string;
  language: string;
  phone: string | null;
  isReportRecipient: boolean;
  createdAt: string;
};

export type Client = {
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  currency: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
};

export const iso = (ms: number) => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function toClient(r: ClientsTable): Client {
  return {
    id: r.id,
    name: r.name,
    locale: r.locale,
    timeZone: r.time_zone,
    currency: r.currency,
    notes: r.notes,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    archivedAt: isoOrNull(r.archived_at),
  };
}

export function toContact(r: ClientContactsTable): Contact {
  return {
    id: r.id,
    clientId: r.client_id,
    name: r.name,
    email: r.email,
    language: r.language,
    phone: r.phone,
    isReportRecipient: r.is_report_recipient === 1,
    createdAt: iso(r.created_at),
  };
}
