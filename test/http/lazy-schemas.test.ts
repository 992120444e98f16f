// Route schemas are compiled on first use (http/lazy-schemas.ts): every one must still compile, a
// broken one must still be found, and the first request of a route must get the same answer.
import Fastify from 'fastify';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LazySchemas, compileSchemasNow } from '../../src/server/http/lazy-schemas.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ now: '2026-11-25T10:00:00+08:00' });
});
afterAll(() => t.close());

describe('lazily compiled route schemas', () => {
  it('compiles every validator and serializer of the whole app', async () => {
    await t.app.ready();
    // Hundreds were left to their first request; none is left after.
    expect(compileSchemasNow(t.app)).toBeGreaterThan(300);
    expect(compileSchemasNow(t.app)).toBe(0);
  });

  it('finds a schema that does not compile, without its route being called', async () => {
    const schemas = new LazySchemas();
    const ajv = new Ajv();
    const app = Fastify({ schemaController: { compilersFactory: { buildSerializer: schemas.serializers() } } });
    app.setValidatorCompiler(schemas.validators(({ schema }: { schema: object }) => ajv.compile(schema)));
    app.post('/broken', { schema: { body: { type: 'object', properties: { a: { type: 'no-such-type' } } } } }, async () => ({}));
    await app.ready();
    expect(() => schemas.compileNow()).toThrow(/no-such-type|type/);
    await app.close();
  });

  it('validates, coerces and serializes on a route first called after start', async () => {
    const schemas = new LazySchemas();
    const ajv = new Ajv({ coerceTypes: true, useDefaults: true });
    const app = Fastify({ schemaController: { compilersFactory: { buildSerializer: schemas.serializers() } } });
    app.setValidatorCompiler(schemas.validators(({ schema }: { schema: object }) => ajv.compile(schema)));
    app.get(
      '/n/:n',
      {
        schema: {
          params: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] },
          querystring: { type: 'object', properties: { k: { type: 'string', default: 'd' } } },
          response: { 200: { type: 'object', properties: { n: { type: 'integer' }, k: { type: 'string' } } } },
        },
      },
      async (request) => ({ ...(request.params as object), ...(request.query as object), hidden: 'not in the schema' }),
    );
    const ok = await app.inject({ method: 'GET', url: '/n/7' });
    expect(ok.statusCode).toBe(200);
    // Coerced to a number, the default filled in, and what the schema leaves out not sent.
    expect(ok.body).toBe('{"n":7,"k":"d"}');
    const bad = await app.inject({ method: 'GET', url: '/n/seven' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/params\/n must be integer/);
    await app.close();
  });
});
