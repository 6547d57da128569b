import { z } from 'zod';
import type { UsersTable } from '../../storage/schema.ts';
import { isoOrNull } from '../clients/schemas.ts';
import { emailSchema, nameSchema } from '../shared/validation.ts';
import { passwordSchema } from './passwords.ts';

export const ROLES = ['owner', 'admin', 'technician'] as const;

export const createUserSchema = z
  .object({
    email: emailSchema,
    name: nameSchema.optional(),
    password: passwordSchema,
    role: z.enum(ROLES).default('technician'),
  })
  .strict();

export const updateUserSchema = z
  .object({ name: nameSchema, role: z.enum(ROLES), password: passwordSchema })
  .partial()
  .strict();

export type User = {
  id: string;
  email: string;
  name: string;
  role: UsersTable['role'];
  createdAt: string;
  archivedAt: string | null;
};

export function toUser(r: UsersTable): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    createdAt: new Date(r.created_at).toISOString(),
    archivedAt: isoOrNull(r.archived_at),
  };
}
