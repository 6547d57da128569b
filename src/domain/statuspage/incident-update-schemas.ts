import { z } from 'zod';
import type { IncidentUpdatesTable, PublicIncidentStatus } from '../../storage/schema.ts';

export const PUBLIC_INCIDENT_STATUSES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
] as const satisfies readonly PublicIncidentStatus[];

export const postIncidentUpdateSchema = z
  .object({
    status: z.enum(PUBLIC_INCIDENT_STATUSES),
    message: z.string().trim().min(1, 'must not be empty').max(5000),
    /** Sets the incident's public title (shown on every status page that shows the incident). */
    title: z.string().trim().min(1, 'must not be empty').max(200).optional(),
  })
  .strict();

export type IncidentUpdate = {
  id: string;
  incidentId: string;
  status: PublicIncidentStatus;
  message: string;
  postedBy: string | null;
  postedAt: string;
};

export const toIncidentUpdate = (r: IncidentUpdatesTable): IncidentUpdate => ({
  id: r.id,
  incidentId: r.incident_id,
  status: r.status,
  message: r.message,
  postedBy: r.posted_by,
  postedAt: new Date(r.posted_at).toISOString(),
});
