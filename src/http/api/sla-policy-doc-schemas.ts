import { z } from 'zod';
import { SEVERITIES } from '../../domain/sla/policy.ts';

// Response shape of the SLA policy routes (strict: the API tests parse real responses with it).

const ts = z.string().describe('ISO 8601 instant, UTC');
const minutes = z.number().int().nullable();
const clock = z.enum(['business', '24x7']).describe('business: in business hours of the calendar; 24x7: wall-clock');

const severityOverrideDoc = z
  .object({ firstResponseMinutes: minutes.optional(), resolutionMinutes: minutes.optional() })
  .strict()
  .describe('replaces the policy target at this severity; null: no target at this severity');

export const slaPolicyDoc = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    calendarId: z.string(),
    calendar: z
      .object({ id: z.string(), name: z.string(), kind: z.enum(['business', '24x7']), timeZone: z.string() })
      .strict(),
    firstResponseMinutes: minutes.describe('detected → acknowledged; null: no target'),
    firstResponseClock: clock,
    resolutionMinutes: minutes.describe('started → resolved; null: no target'),
    resolutionClock: clock,
    severityTargets: z.object(Object.fromEntries(SEVERITIES.map((s) => [s, severityOverrideDoc.optional()]))).strict(),
    warnAtPercent: z.number().int().describe('a warning alert when this share of a target has elapsed'),
    uptimeCommitmentBp: z
      .number()
      .int()
      .nullable()
      .describe('monthly uptime, basis points of a percent: 99.9 % = 9990'),
    creditPerStepBp: z.number().int().describe("share of the month's fee per started step below: 10 % = 1000"),
    creditStepBp: z.number().int().describe('the step, basis points of uptime: 0.1 % = 10'),
    creditCapBp: z.number().int().describe('the most credit in a month, share of the fee: 50 % = 5000'),
    plans: z
      .array(z.object({ id: z.string(), code: z.string(), name: z.string(), archived: z.boolean() }).strict())
      .describe('plans whose current version sells this policy'),
    createdAt: ts,
    updatedAt: ts,
    archivedAt: ts.nullable(),
  })
  .strict();
