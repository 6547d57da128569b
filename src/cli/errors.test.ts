import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from '../domain/shared/validation.ts';
import { AppError } from '../errors.ts';
import { explainErrors } from './errors.ts';

const schema = z.object({ timeZone: z.string().min(3), contacts: z.array(z.object({ email: z.string().email() })) });
const failWith = (input: unknown) => async () => parseInput(schema, input);

describe('explainErrors', () => {
  it('names domain fields as command-line options', async () => {
    const err = await explainErrors(failWith({ timeZone: 'x', contacts: [{ email: 'nope' }] }), {
      options: { 'contacts.0.email': '--contact-email' },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('invalid');
    expect(err.message).toBe('invalid input');
    expect(err.details.map((d: { path: string }) => d.path)).toEqual(['--time-zone', '--contact-email']);
  });

  it('puts a single problem in the message itself', async () => {
    const err = await explainErrors(failWith({ timeZone: 'x', contacts: [] })).catch((e) => e);
    expect(err.message).toMatch(/^invalid --time-zone: /);
  });

  it('rewords not-found errors only when told how, and passes everything else through', async () => {
    const missing = async () => {
      throw new AppError('not_found', 'Client not found');
    };
    await expect(explainErrors(missing, { notFound: 'there is no client cli_x' })).rejects.toThrow(
      'there is no client cli_x',
    );
    await expect(explainErrors(missing)).rejects.toThrow('Client not found');
    const boom = new Error('disk on fire');
    await expect(explainErrors(async () => Promise.reject(boom), { notFound: 'x' })).rejects.toBe(boom);
  });
});
