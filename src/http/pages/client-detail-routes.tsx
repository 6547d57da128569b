import type { Hono } from 'hono';
import { setClientArchived, updateClient } from '../../domain/clients/clients.ts';
import { addContact, removeContact } from '../../domain/clients/contacts.ts';
import { inviteContactToPortal } from '../../domain/portal/invite-contact.ts';
import { createSite, getSite, setSiteArchived } from '../../domain/sites/sites.ts';
import { notFound } from '../../errors.ts';
import type { AppEnv } from '../env.ts';
import { renderClientPage } from './client-detail-page.tsx';
import { attempt, readForm } from './form.ts';
import { setFlash } from './session.ts';

export function registerClientDetail(app: Hono<AppEnv>) {
  app.get('/admin/clients/:id', (c) => renderClientPage(c, c.req.param('id')));

  app.post('/admin/clients/:id', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const input = {
      name: form.text('name'),
      locale: form.text('locale'),
      timeZone: form.text('timeZone'),
      currency: form.text('currency'),
      notes: form.text('notes'),
    };
    const result = await attempt(form, () => updateClient(c.var.ctx, c.var.actor, id, input));
    if (!result.ok) return renderClientPage(c, id, { company: { values: form.values(), ...result } }, result.status);
    setFlash(c, 'Company details saved.');
    return c.redirect(`/admin/clients/${id}`, 303);
  });

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(`/admin/clients/:id/${verb}`, async (c) => {
      const id = c.req.param('id');
      const form = await readForm(c);
      const result = await attempt(form, () => setClientArchived(c.var.ctx, c.var.actor, id, archived));
      if (!result.ok) return renderClientPage(c, id, { page: result }, result.status);
      setFlash(c, archived ? `${result.value.name} is archived.` : `${result.value.name} is restored.`);
      return c.redirect(archived ? '/admin/clients' : `/admin/clients/${id}`, 303);
    });
  }

  app.post('/admin/clients/:id/contacts', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const input = {
      name: form.text('name'),
      email: form.text('email'),
      language: form.optional('language'),
      phone: form.nullable('phone'),
    };
    const result = await attempt(form, () => addContact(c.var.ctx, c.var.actor, id, input));
    if (!result.ok) return renderClientPage(c, id, { contact: { values: form.values(), ...result } }, result.status);
    setFlash(c, `Contact ${result.value.name} added.`);
    return c.redirect(`/admin/clients/${id}#contacts-h`, 303);
  });

  app.post('/admin/clients/:id/contacts/:contactId/remove', async (c) => {
    const id = c.req.param('id');
    await removeContact(c.var.ctx, c.var.actor, id, c.req.param('contactId'));
    setFlash(c, 'Contact removed.');
    return c.redirect(`/admin/clients/${id}#contacts-h`, 303);
  });

  app.post('/admin/clients/:id/contacts/:contactId/portal-invite', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const input = {
      clientId: id,
      contactId: c.req.param('contactId'),
      baseUrl: c.var.publicUrl ?? new URL(c.req.url).origin,
    };
    const result = await attempt(form, () => inviteContactToPortal(c.var.ctx, c.var.actor, c.var.sendMail, input));
    if (!result.ok) return renderClientPage(c, id, { page: result }, result.status);
    const how = result.value.delivery === 'sent' ? 'sent to' : 'stored in the outbox for';
    setFlash(c, `Portal invitation ${how} ${result.value.email}.`);
    return c.redirect(`/admin/clients/${id}#contacts-h`, 303);
  });

  app.post('/admin/clients/:id/sites', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const input = { clientId: id, url: form.text('url'), name: form.optional('name'), cms: form.optional('cms') };
    const result = await attempt(form, () => createSite(c.var.ctx, c.var.actor, input));
    if (!result.ok) return renderClientPage(c, id, { site: { values: form.values(), ...result } }, result.status);
    setFlash(c, `Site ${result.value.url} added.`);
    return c.redirect(`/admin/clients/${id}#sites-h`, 303);
  });

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(`/admin/clients/:id/sites/:siteId/${verb}`, async (c) => {
      const id = c.req.param('id');
      const site = await getSite(c.var.ctx, c.req.param('siteId'));
      if (site.clientId !== id) throw notFound('Site');
      const form = await readForm(c);
      const result = await attempt(form, () => setSiteArchived(c.var.ctx, c.var.actor, site.id, archived));
      if (!result.ok) return renderClientPage(c, id, { site: result }, result.status);
      setFlash(c, archived ? `Site ${site.url} archived.` : `Site ${site.url} restored.`);
      return c.redirect(`/admin/clients/${id}#sites-h`, 303);
    });
  }
}
