import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { getAgencySettings, updateAgencySettings, updateAgencySettingsSchema } from '../../domain/agency/settings.ts';
import { createUserSchema, updateUserSchema } from '../../domain/users/schemas.ts';
import { createApiToken, createTokenSchema, listApiTokens, revokeApiToken } from '../../domain/users/tokens.ts';
import { createUser, getUser, listUsers, setUserArchived, updateUser } from '../../domain/users/users.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';
import { agencySettingsDoc, createdTokenDoc, listOf, tokenDoc, userDoc } from './doc-schemas.ts';

export function adminRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    { method: 'get', path: '/settings', tag: 'Settings', summary: 'Agency settings', response: agencySettingsDoc },
    (c) => getAgencySettings(c.var.ctx),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/settings',
      tag: 'Settings',
      summary: 'Change agency settings (owner/admin)',
      body: updateAgencySettingsSchema,
      response: agencySettingsDoc,
    },
    (c, { body }) => updateAgencySettings(c.var.ctx, c.var.actor, body),
  );

  const tag = 'Users';
  defineRoute(
    r,
    { method: 'get', path: '/me', tag, summary: 'The user behind the token', response: userDoc },
    async (c) => c.var.user,
  );
  defineRoute(
    r,
    { method: 'get', path: '/users', tag, summary: 'List staff users', response: listOf(userDoc) },
    async (c) => ({ data: await listUsers(c.var.ctx) }),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/users',
      tag,
      summary: 'Create a staff user (owner/admin; only owners create owners)',
      body: createUserSchema,
      response: userDoc,
      status: 201,
      errors: [409],
    },
    (c, { body }) => createUser(c.var.ctx, c.var.actor, body),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/users/{id}',
      tag,
      summary: 'Get a user',
      params: idParams,
      response: userDoc,
      errors: [404],
    },
    (c, { params }) => getUser(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/users/{id}',
      tag,
      summary: 'Change name, role or password',
      params: idParams,
      body: updateUserSchema,
      response: userDoc,
      errors: [404, 409],
    },
    (c, { params, body }) => updateUser(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/users/{id}/archive',
      tag,
      summary: 'Deactivate a user (ends sessions, revokes tokens)',
      params: idParams,
      response: userDoc,
      errors: [404, 409],
    },
    (c, { params }) => setUserArchived(c.var.ctx, c.var.actor, params.id, true),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/users/{id}/restore',
      tag,
      summary: 'Reactivate a user',
      params: idParams,
      response: userDoc,
      errors: [404],
    },
    (c, { params }) => setUserArchived(c.var.ctx, c.var.actor, params.id, false),
  );

  const tokenTag = 'API tokens';
  defineRoute(
    r,
    {
      method: 'get',
      path: '/tokens',
      tag: tokenTag,
      summary: 'List API tokens (admins see all, others their own)',
      query: z.object({}),
      response: listOf(tokenDoc),
    },
    async (c) => ({ data: await listApiTokens(c.var.ctx, c.var.actor) }),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/tokens',
      tag: tokenTag,
      summary: 'Create an API token; the secret is in the response only',
      body: createTokenSchema,
      response: createdTokenDoc,
      status: 201,
      errors: [404],
    },
    (c, { body }) => createApiToken(c.var.ctx, c.var.actor, body),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/tokens/{id}/revoke',
      tag: tokenTag,
      summary: 'Revoke an API token',
      params: idParams,
      response: tokenDoc,
      errors: [404],
    },
    (c, { params }) => revokeApiToken(c.var.ctx, c.var.actor, params.id),
  );
}
