import { compileErrors, validate } from '@readme/openapi-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { createTestApp, type TestApp } from '../support/test-app';

/** The OpenAPI document is what integrators generate clients from: it must be valid OpenAPI 3. */
describe('OpenAPI document', () => {
  let t: TestApp;
  let document: OpenAPIV3.Document;

  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.http().get('/api/docs-json')).body as OpenAPIV3.Document;
  });

  afterAll(async () => {
    await t.close();
  });

  it('should validate against the OpenAPI 3 schema and its rules', async () => {
    // validate() dereferences in place: give it a copy.
    const result = await validate(structuredClone(document));

    expect(result.valid ? [] : compileErrors(result)).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('should declare every tag and security scheme its operations use', () => {
    const tags = new Set((document.tags ?? []).map((tag) => tag.name));
    const schemes = new Set(Object.keys(document.components?.securitySchemes ?? {}));
    const problems: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item ?? {}) as [string, OpenAPIV3.OperationObject][]) {
        for (const tag of operation.tags ?? [])
          if (!tags.has(tag)) problems.push(`${method} ${path}: tag ${tag}`);
        for (const requirement of operation.security ?? []) {
          for (const scheme of Object.keys(requirement)) {
            if (!schemes.has(scheme)) problems.push(`${method} ${path}: security scheme ${scheme}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('should describe every operation', () => {
    const undescribed = Object.entries(document.paths).flatMap(([path, item]) =>
      (Object.entries(item ?? {}) as [string, OpenAPIV3.OperationObject][])
        .filter(([, operation]) => !operation.description?.trim())
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undescribed).toEqual([]);
  });
});
