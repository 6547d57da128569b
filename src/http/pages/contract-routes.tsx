import type { Hono } from 'hono';
import type { Actor, Ctx } from '../../domain/context.ts';
import {
  activateContract,
  cancelContract,
  createContract,
  endContract,
  resumeContract,
} from '../../domain/contracts/change-contracts.ts';
import { getContract } from '../../domain/contracts/read-contracts.ts';
import type { Contract } from '../../domain/contracts/schemas.ts';
import { notFound } from '../../errors.ts';
import type { AppEnv } from '../env.ts';
import { renderClientPage } from './client-detail-page.tsx';
import { attempt, readForm } from './form.ts';
import { formatCalendarDate } from './format.ts';
import { setFlash } from './session.ts';

type Transition = {
  run: (ctx: Ctx, actor: Actor, id: string) => Promise<Contract>;
  done: (k: Contract) => string;
};

const TRANSITIONS: Record<string, Transition> = {
  activate: { run: activateContract, done: (k) => `The ${k.planName} contract is active.` },
  cancel: {
    run: (ctx, actor, id) => cancelContract(ctx, actor, id, {}),
    done: (k) =>
      k.status === 'ended'
        ? 'The trial is cancelled and has ended.'
        : `The contract is cancelled; its last day is ${formatCalendarDate(k.endsOn)}.`,
  },
  resume: { run: resumeContract, done: () => 'The cancellation is withdrawn; the contract is active again.' },
  end: { run: endContract, done: (k) => `The contract ended on ${formatCalendarDate(k.endsOn)}.` },
};

export function registerContractRoutes(app: Hono<AppEnv>) {
  app.post('/admin/clients/:id/contract', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const input = {
      clientId: id,
      planId: form.text('planId'),
      billingPeriod: form.optional('billingPeriod'),
      status: form.optional('status'),
      startDate: form.optional('startDate'),
      addonIds: form.checkedWithPrefix('addon_'),
    };
    const result = await attempt(form, () => createContract(c.var.ctx, c.var.actor, input));
    if (!result.ok) return renderClientPage(c, id, { contract: { values: form.values(), ...result } }, result.status);
    const k = result.value;
    setFlash(c, `Contract signed: ${k.planName} v${k.planVersion}, ${k.status === 'trial' ? 'trial' : 'active'}.`);
    return c.redirect(`/admin/clients/${id}#contract-h`, 303);
  });

  for (const [verb, transition] of Object.entries(TRANSITIONS)) {
    app.post(`/admin/clients/:id/contract/:contractId/${verb}`, async (c) => {
      const id = c.req.param('id');
      const contract = await getContract(c.var.ctx, c.req.param('contractId'));
      if (contract.clientId !== id) throw notFound('Contract');
      const form = await readForm(c);
      const result = await attempt(form, () => transition.run(c.var.ctx, c.var.actor, contract.id));
      if (!result.ok) return renderClientPage(c, id, { contract: result }, result.status);
      setFlash(c, transition.done(result.value));
      return c.redirect(`/admin/clients/${id}#contract-h`, 303);
    });
  }
}
