import { z } from 'zod';
import type { StatusPageComponentsTable } from '../../storage/schema.ts';
import { nameSchema } from '../shared/validation.ts';

const groupNameSchema = z.string().trim().max(100).nullable();

/** A site (all its availability monitors) or one monitor, under the name the public sees. */
export const addComponentSchema = z
  .object({
    siteId: z.string().min(1).max(64).optional(),
    monitorId: z.string().min(1).max(64).optional(),
    displayName: nameSchema,
    groupName: groupNameSchema.optional(),
    published: z.boolean().optional(),
  })
  .strict()
  .refine((v) => (v.siteId === undefined) !== (v.monitorId === undefined), {
    message: 'give either siteId or monitorId',
    path: ['siteId'],
  });

export const updateComponentSchema = z
  .object({
    displayName: nameSchema,
    groupName: groupNameSchema,
    published: z.boolean(),
  })
  .partial()
  .strict();

export const reorderComponentsSchema = z.object({ componentIds: z.array(z.string().min(1).max(64)).max(500) }).strict();

export type StatusPageComponent = {
  id: string;
  pageId: string;
  siteId: string | null;
  monitorId: string | null;
  displayName: string;
  /** Null: not in a group. */
  groupName: string | null;
  position: number;
  published: boolean;
  createdAt: string;
  updatedAt: string;
};

export const toComponent = (r: StatusPageComponentsTable): StatusPageComponent => ({
  id: r.id,
  pageId: r.page_id,
  siteId: r.site_id,
  monitorId: r.monitor_id,
  displayName: r.display_name,
  groupName: r.group_name,
  position: r.position,
  published: r.published === 1,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** An empty group name is no group. */
export const groupOrNull = (g: string | null | undefined) => (g ? g : null);
