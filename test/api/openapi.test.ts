import { describe, expect, it } from 'vitest';
import { API_ROUTES, useTestApp } from './helpers.ts';

const t = useTestApp({ shareState: true });

type Operation = {
  security?: unknown;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

async function fetchDocument() {
  const res = await t().app.request('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return (await res.json()) as {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, Operation>>;
    components: { securitySchemes: Record<string, { type: string; scheme: string }> };
  };
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1, served without a token, with bearer auth declared', async () => {
    const doc = await fetchDocument();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Steward API');
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('lists exactly the routes the API tests cover', async () => {
    const doc = await fetchDocument();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...documented].sort()).toEqual([...API_ROUTES].sort());
  });

  it('documents bearer auth, the error shape and a success body for every operation', async () => {
    const doc = await fetchDocument();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.security, where).toEqual([{ bearerAuth: [] }]);
        for (const status of ['400', '401', '403', '413', '415', '422']) {
          expect(op.responses[status]?.content?.['application/json']?.schema, `${where} ${status}`).toBeDefined();
        }
        const success = Object.keys(op.responses).filter((s) => s.startsWith('2'));
        expect(success, where).toHaveLength(1);
        if (success[0] !== '204') {
          expect(op.responses[success[0]!]?.content?.['application/json']?.schema, where).toBeDefined();
        }
        if (method === 'get' || method === 'delete') expect(op.requestBody, where).toBeUndefined();
        if (op.requestBody) expect(Object.keys(op.requestBody.content)).toEqual(['application/json']);
      }
    }
  });

  it('names path parameters the way the routes use them', async () => {
    const doc = await fetchDocument();
    const op = doc.paths['/clients/{id}/contacts/{contactId}']?.patch as unknown as {
      parameters: Array<{ name: string; in: string; required: boolean }>;
    };
    expect(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.required])).toEqual([
      ['id', true],
      ['contactId', true],
    ]);
  });
});
