import { z } from 'zod';
import { FEATURE_FLAGS } from '../../domain/plans/schemas.ts';

// Shapes of response bodies, for the OpenAPI document. The API tests parse real responses with
// these schemas (strictly), so the document cannot drift from what the server sends.

const ts = z.string().describe('ISO 8601 instant, UTC');
const tsOrNull = ts.nullable();

export const errorSchema = z
  .object({
    error: z
      .object({
        code: z.enum([
          'bad_request',
          'unauthenticated',
          'forbidden',
          'not_found',
          'conflict',
          'payload_too_large',
          'unsupported_media_type',
          'invalid',
          'rate_limited',
        ]),
        message: z.string(),
        details: z.unknown().optional(),
      })
      .strict(),
  })
  .strict();

const errorDescriptions: Record<number, string> = {
  400: 'Malformed request (e.g. broken JSON)',
  401: 'Missing, unknown or revoked API token',
  403: 'Your role does not allow this',
  404: 'Not found',
  409: 'Conflicts with the current state (e.g. a duplicate)',
  413: 'Body larger than 1 MiB',
  415: 'Body is not JSON',
  422: 'Valid JSON with invalid values; details lists each problem',
  429: 'Too many attempts',
};

export function errorResponses(statuses: number[]) {
  return Object.fromEntries(
    [...new Set([...statuses, 415])].map((s) => [
      s,
      { description: errorDescriptions[s] ?? 'Error', content: { 'application/json': { schema: errorSchema } } },
    ]),
  );
}

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() }).strict();
export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) }).strict();

export const agencySettingsDoc = z
  .object({
    name: z.string(),
    logoUrl: z.string().nullable(),
    defaultCurrency: z.string(),
    locale: z.string(),
    timeZone: z.string(),
    updatedAt: ts,
  })
  .strict();

const planTermsDoc = {
  name: z.string(),
  description: z.string(),
  checkIntervalS: z.number().int(),
  alertChannels: z.array(z.enum(['email', 'webhook', 'slack'])),
  features: z.object(Object.fromEntries(FEATURE_FLAGS.map((f) => [f, z.boolean()]))).strict(),
  supportMinutesPerMonth: z.number().int(),
  slaPolicyId: z.string().nullable().describe('the SLA policy the plan sells (GET /sla/policies); null: none'),
  pricingModel: z.enum(['flat', 'hourly_minimum', 'prepaid_credits']),
  monthlyPriceMinor: z.number().int(),
  annualPriceMinor: z.number().int(),
  hourlyRateMinor: z.number().int().nullable(),
  currency: z.string(),
  cancellationNoticeDays: z.number().int(),
};

const slaClock = z
  .enum(['business', '24x7'])
  .describe('business: counted in business hours of the calendar; 24x7: wall-clock time');

const planSlaDoc = z
  .object({
    policyId: z.string(),
    name: z.string(),
    firstResponseMinutes: z.number().int().nullable(),
    firstResponseClock: slaClock,
    resolutionMinutes: z.number().int().nullable(),
    resolutionClock: slaClock,
    uptimeCommitmentBp: z.number().int().nullable().describe('basis points of a percent: 99.9 % = 9990'),
  })
  .strict();

export const planDoc = z
  .object({
    id: z.string(),
    code: z.string(),
    position: z.number().int(),
    versionId: z.string(),
    version: z.number().int(),
    ...planTermsDoc,
    archivedAt: tsOrNull,
    createdAt: ts,
    sla: planSlaDoc.nullable().describe("read-only: what the current version's SLA policy promises; null without one"),
  })
  .strict();

export const planVersionDoc = z
  .object({ id: z.string(), planId: z.string(), version: z.number().int(), ...planTermsDoc, createdAt: ts })
  .strict();

export const addonDoc = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    monthlyPriceMinor: z.number().int(),
    annualPriceMinor: z.number().int(),
    currency: z.string(),
    createdAt: ts,
    archivedAt: tsOrNull,
  })
  .strict();

export const clientDoc = z
  .object({
    id: z.string(),
    name: z.string(),
    locale: z.string(),
    timeZone: z.string(),
    currency: z.string(),
    notes: z.string(),
    createdAt: ts,
    updatedAt: ts,
    archivedAt: tsOrNull,
  })
  .strict();

export const contactDoc = z
  .object({
    id: z.string(),
    clientId: z.string(),
    name: z.string(),
    email: z.string(),
    language: z.string(),
    phone: z.string().nullable(),
    isReportRecipient: z.boolean(),
    createdAt: ts,
  })
  .strict();

export const sitePlanDoc = z
  .object({
    contractId: z.string(),
    contractStatus: z.enum(['trial', 'active', 'cancelling']),
    planId: z.string(),
    planCode: z.string(),
    planName: z.string(),
    planVersionId: z.string(),
    planVersion: z.number().int(),
    checkIntervalS: z.number().int(),
  })
  .strict();

export const siteDoc = z
  .object({
    id: z.string(),
    clientId: z.string(),
    name: z.string(),
    url: z.string(),
    cms: z.enum(['wordpress', 'joomla', 'drupal', 'other']),
    plan: sitePlanDoc.nullable(),
    createdAt: ts,
    updatedAt: ts,
    archivedAt: tsOrNull,
  })
  .strict();

export const contractDoc = z
  .object({
    id: z.string(),
    clientId: z.string(),
    planId: z.string(),
    planCode: z.string(),
    planName: z.string(),
    planVersionId: z.string(),
    planVersion: z.number().int(),
    billingPeriod: z.enum(['monthly', 'annual']),
    status: z.enum(['trial', 'active', 'cancelling', 'ended']),
    startDate: z.string(),
    trialEndsOn: z.string().nullable(),
    cancellationNoticeDays: z.number().int(),
    cancelRequestedAt: tsOrNull,
    endsOn: z.string().nullable(),
    addonIds: z.array(z.string()),
    createdAt: ts,
    updatedAt: ts,
  })
  .strict();

export const userDoc = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['owner', 'admin', 'technician']),
    createdAt: ts,
    archivedAt: tsOrNull,
  })
  .strict();

export const tokenDoc = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    createdAt: ts,
    lastUsedAt: tsOrNull,
    revokedAt: tsOrNull,
  })
  .strict();

export const createdTokenDoc = z.object({ token: z.string().describe('shown once'), record: tokenDoc }).strict();
