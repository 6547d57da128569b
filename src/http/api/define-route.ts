import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { parseInput } from '../../domain/shared/validation.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../env.ts';
import { errorResponses } from './doc-schemas.ts';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export type RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  method: Method;
  /** OpenAPI style: /clients/{id} */
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The body may be left out entirely (it is then validated as {}). */
  bodyOptional?: boolean;
  /** Schema of the success body, for the document (checked against real responses in tests). */
  response?: z.ZodType;
  status?: ContentfulStatusCode | 204;
  /** Extra error statuses this route can answer besides 400/401/403/422. */
  errors?: Array<404 | 409 | 429>;
};

export type RouteInput<P, Q, B> = { params: P; query: Q; body: B };

/**
 * Registers a route in the OpenAPI document and installs a handler that validates params,
 * query and JSON body with the same zod schemas. The domain validates again; that is deliberate:
 * the CLI reaches the domain without passing through here.
 */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  router: OpenAPIHono<AppEnv>,
  spec: RouteSpec<P, Q, B>,
  handler: (c: Context<AppEnv>, input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>,
): void {
  const status = spec.status ?? 200;
  router.openAPIRegistry.registerPath({
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    tags: [spec.tag],
    security: [{ bearerAuth: [] }],
    request: {
      ...(spec.params && { params: spec.params as never }),
      ...(spec.query && { query: spec.query as never }),
      ...(spec.body && {
        body: { required: !spec.bodyOptional, content: { 'application/json': { schema: spec.body } } },
      }),
    },
    responses: {
      [status]: spec.response
        ? { description: 'Success', content: { 'application/json': { schema: spec.response } } }
        : { description: 'Success' },
      ...errorResponses([400, 401, 403, 413, 422, ...(spec.errors ?? [])]),
    },
  });
  const honoPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
  router.on(spec.method.toUpperCase(), honoPath, async (c) => {
    const params = spec.params ? parsePart(spec.params, c.req.param()) : {};
    const query = spec.query ? parsePart(spec.query, c.req.query()) : {};
    const body = spec.body ? parsePart(spec.body, await readBody(c, spec.bodyOptional ?? false)) : undefined;
    const result = await handler(c, { params, query, body } as RouteInput<z.output<P>, z.output<Q>, z.output<B>>);
    if (result === undefined) return c.body(null, 204);
    return c.json(result, status as ContentfulStatusCode);
  });
}

function parsePart<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  return parseInput(schema, value);
}

async function readBody(c: Context, optional: boolean): Promise<unknown> {
  if (optional && !c.req.header('content-type') && (await c.req.text()).length === 0) return {};
  return readJson(c);
}

/** Reads a JSON body; a missing or wrong content type is 415, broken JSON is 400. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json');
  }
  const text = await c.req.text();
  if (text.trim() === '') throw new AppError('bad_request', 'The request body is empty; send a JSON object');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON');
  }
}

export const idParams = z.object({ id: z.string().min(1).max(64) });
