import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoistNamedSchemas, markNamedSchemas } from './openapi-document.js';

describe('hoistNamedSchemas', () => {
  it('moves each named schema into components once and refers to it from every use', () => {
    const point = { $id: 'Point', type: 'object', properties: { name: { type: 'string' } } };
    const document = markNamedSchemas({
      paths: {
        '/a': { get: { responses: { 200: { schema: point } } } },
        '/b': { get: { responses: { 200: { schema: { type: 'array', items: point } } } } },
      },
    });
    const hoisted = hoistNamedSchemas(document);
    assert.deepEqual(hoisted.paths['/a'].get.responses[200].schema, {
      $ref: '#/components/schemas/Point',
    });
    assert.deepEqual(hoisted.paths['/b'].get.responses[200].schema, {
      type: 'array',
      items: { $ref: '#/components/schemas/Point' },
    });
    assert.deepEqual((hoisted as { components?: unknown }).components, {
      schemas: { Point: { type: 'object', properties: { name: { type: 'string' } } } },
    });
  });

  it('refuses two different schemas under one name', () => {
    const document = markNamedSchemas({
      a: { $id: 'Point', type: 'object' },
      b: { $id: 'Point', type: 'string' },
    });
    assert.throws(
      () => hoistNamedSchemas(document),
      /Two different schemas are both named "Point"/,
    );
  });

  it('does not change the schemas it was given', () => {
    const schema = { $id: 'Point', type: 'object' };
    markNamedSchemas({ schema });
    assert.deepEqual(schema, { $id: 'Point', type: 'object' });
  });
});
