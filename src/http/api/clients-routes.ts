import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { createClient, getClient, listClients, setClientArchived, updateClient } from '../../domain/clients/clients.ts';
import { addContact, listContacts, removeContact, updateContact } from '../../domain/clients/contacts.ts';
import {
  contactInputSchema,
  createClientSchema,
  listClientsQuerySchema,
  updateClientSchema,
  updateContactSchema,
} from '../../domain/clients/schemas.ts';
import { pageQuerySchema } from '../../domain/shared/pagination.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';
import { clientDoc, contactDoc, listOf, pageOf } from './doc-schemas.ts';

const tag = 'Clients';
const contactParams = z.object({ id: z.string().min(1).max(64), contactId: z.string().min(1).max(64) });

export function clientRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/clients',
      tag,
      summary: 'List clients (filter by name with q; archived=true|false|all)',
      query: pageQuerySchema.extend(listClientsQuerySchema.shape),
      response: pageOf(clientDoc),
    },
    (c, { query }) => listClients(c.var.ctx, query),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/clients',
      tag,
      summary: 'Create a client (optionally with contacts)',
      body: createClientSchema,
      response: clientDoc,
      status: 201,
      errors: [409],
    },
    (c, { body }) => createClient(c.var.ctx, c.var.actor, body),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/clients/{id}',
      tag,
      summary: 'Get a client',
      params: idParams,
      response: clientDoc,
      errors: [404],
    },
    (c, { params }) => getClient(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/clients/{id}',
      tag,
      summary: 'Update a client',
      params: idParams,
      body: updateClientSchema,
      response: clientDoc,
      errors: [404],
    },
    (c, { params, body }) => updateClient(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/clients/{id}/archive',
      tag,
      summary: 'Archive a client (not while a contract is live)',
      params: idParams,
      response: clientDoc,
      errors: [404, 409],
    },
    (c, { params }) => setClientArchived(c.var.ctx, c.var.actor, params.id, true),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/clients/{id}/restore',
      tag,
      summary: 'Restore an archived client',
      params: idParams,
      response: clientDoc,
      errors: [404],
    },
    (c, { params }) => setClientArchived(c.var.ctx, c.var.actor, params.id, false),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/clients/{id}/contacts',
      tag,
      summary: "List a client's contacts",
      params: idParams,
      response: listOf(contactDoc),
      errors: [404],
    },
    async (c, { params }) => ({ data: await listContacts(c.var.ctx, params.id) }),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/clients/{id}/contacts',
      tag,
      summary: 'Add a contact',
      params: idParams,
      body: contactInputSchema,
      response: contactDoc,
      status: 201,
      errors: [404, 409],
    },
    (c, { params, body }) => addContact(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/clients/{id}/contacts/{contactId}',
      tag,
      summary: 'Update a contact',
      params: contactParams,
      body: updateContactSchema,
      response: contactDoc,
      errors: [404, 409],
    },
    (c, { params, body }) => updateContact(c.var.ctx, c.var.actor, params.id, params.contactId, body),
  );
  defineRoute(
    r,
    {
      method: 'delete',
      path: '/clients/{id}/contacts/{contactId}',
      tag,
      summary: 'Remove a contact',
      params: contactParams,
      status: 204,
      errors: [404],
    },
    async (c, { params }) => {
      await removeContact(c.var.ctx, c.var.actor, params.id, params.contactId);
      return undefined;
    },
  );
}
