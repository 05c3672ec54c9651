import { DECISION_DEFS } from '../engine/decide.js';
import { fieldErrorSchema, invalidOutputSchema, outputSchemaOf } from '../engine/output-schemas.js';
import type { LoadedRelease } from '../engine/release-types.js';
import { DECISIONS } from '../engine/rule-types.js';
import type { ServiceLimits } from './service-types.js';

/**
 * The decision service's OpenAPI 3.1 document, generated from the same JSON Schemas the engine
 * validates facts with (each decision's factsSchema) and the answers' schemas
 * (output-schemas.ts). Formats `iso-date`, `iso-month` and `iso-datetime` are the engine's own
 * (described in components.x-formats); every decision in DECISIONS gets its two paths.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const releaseField = { release: { type: 'string', pattern: '^r-[0-9a-f]{16}$', description: 'the id of the release that answered' } };

/** Rewrites the engine's `$ref`-free schemas as they are; kept as a function so a schema with `$defs` can be lifted later. */
const asComponent = (schema: object): object => JSON.parse(JSON.stringify(schema)) as object;

export function openApiDocument(release: LoadedRelease, limits: ServiceLimits, programVersion: string): object {
  const interp = release.registry.ruleVersions.flatMap((v) => v.interpretations);
  const interpNames = [...new Set(interp.map((i) => i.name))];
  const schemas: Record<string, object> = {
    Error: {
      type: 'object',
      additionalProperties: false,
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          additionalProperties: false,
          required: ['code', 'message'],
          properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'array', items: fieldErrorSchema } },
        },
      },
    },
    Interpretations: {
      type: 'object',
      description: `Named interpretations to use instead of their defaults (name → value). Names in this release: ${interpNames.join(', ')}.`,
      propertyNames: { enum: interpNames },
      additionalProperties: { type: 'string' },
    },
    InvalidOutput: invalidOutputSchema(releaseField),
    Versions: {
      type: 'object',
      additionalProperties: false,
      required: ['release', 'sha256', 'signed', 'signedBy', 'signatureVerified', 'manifest'],
      properties: {
        ...releaseField,
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        signed: { type: 'boolean' },
        signedBy: { type: ['string', 'null'], description: 'the key id the signature names (not a proof by itself)' },
        signatureVerified: { type: 'boolean', description: 'the signature was verified against the public key the service was started with (--public-key)' },
        manifest: { type: 'object' },
      },
    },
    Health: {
      type: 'object',
      additionalProperties: false,
      required: ['status', 'release', 'uptimeSeconds'],
      properties: { status: { const: 'ok' }, ...releaseField, uptimeSeconds: { type: 'number', minimum: 0 } },
    },
  };
  const errors = {
    '400': json(ref('Error'), 'the body is not JSON or not a request object, or the path is not valid percent-encoding (BODY_JSON, BODY_SHAPE, DECISION_MISMATCH, BAD_PATH)'),
    '401': json(ref('Error'), 'a bearer token is required or was not accepted (UNAUTHORIZED)'),
    '403': json(
      ref('Error'),
      'no token file is configured and the client is not on this machine (FORBIDDEN), or the request names another host than 127.0.0.1, localhost or [::1] (FORBIDDEN_HOST)',
    ),
    '404': json(ref('Error'), 'no such decision or path (UNKNOWN_DECISION, NOT_FOUND)'),
    '413': json(ref('Error'), `the body exceeds ${limits.maxBodyBytes} bytes, or a batch exceeds ${limits.maxBatch} cases (BODY_TOO_LARGE, BATCH_TOO_LARGE)`),
    '415': json(ref('Error'), 'the body is not declared as JSON (Content-Type: application/json) or is encoded (UNSUPPORTED_MEDIA_TYPE)'),
    '429': json(ref('Error'), 'this address presented too many wrong bearer tokens in the last minute; wait the Retry-After seconds (TOO_MANY_BAD_TOKENS)'),
  };
  const paths: Record<string, object> = {};
  for (const d of DECISIONS) {
    schemas[`${d}Facts`] = asComponent(DECISION_DEFS[d].factsSchema);
    schemas[`${d}Request`] = {
      type: 'object',
      required: ['facts'],
      properties: {
        name: { type: 'string' },
        asOf: { type: 'string', format: 'iso-date', description: 'the date whose versions answer (default: today in Asia/Tokyo)' },
        facts: ref(`${d}Facts`),
        interpretations: ref('Interpretations'),
      },
    };
    schemas[`${d}Output`] = outputSchemaOf(d, releaseField);
    const answer = { oneOf: [ref(`${d}Output`), ref('InvalidOutput')] };
    const reference = {
      name: 'reference',
      in: 'query',
      required: false,
      schema: { enum: ['1', 'true'] },
      description: 'answer with json-rules-engine (the reference path) instead of the compiled rules; same answers',
    };
    paths[`/v1/decisions/${d}`] = {
      post: {
        operationId: `decide_${d}`,
        summary: `${d}: one case`,
        parameters: [reference],
        requestBody: { required: true, content: { 'application/json': { schema: ref(`${d}Request`) } } },
        responses: {
          '200': json(ref(`${d}Output`), 'the answer, with the release that gave it'),
          '422': json(ref('InvalidOutput'), 'the case cannot be decided: errors say where (JSON pointers) and why'),
          ...errors,
        },
      },
    };
    paths[`/v1/decisions/${d}/batch`] = {
      post: {
        operationId: `decideBatch_${d}`,
        summary: `${d}: up to ${limits.maxBatch} cases in one request`,
        parameters: [reference],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { type: 'object', required: ['cases'], properties: { cases: { type: 'array', maxItems: limits.maxBatch, items: ref(`${d}Request`) } } } },
          },
        },
        responses: {
          '200': json(
            {
              type: 'object',
              additionalProperties: false,
              required: ['release', 'count', 'outputs'],
              properties: { ...releaseField, count: { type: 'integer', minimum: 0 }, outputs: { type: 'array', items: answer } },
            },
            'one answer per case, in order (an invalid case answers `invalid` in its place)',
          ),
          ...errors,
        },
      },
    };
  }
  paths['/v1/versions'] = {
    get: {
      operationId: 'versions',
      summary: 'the release being served: id, hash, signature, manifest (versions, approvals, audit head)',
      responses: { '200': json(ref('Versions'), 'the release'), '401': errors['401'], '403': errors['403'], '429': errors['429'] },
    },
  };
  paths['/healthz'] = {
    get: { operationId: 'health', summary: 'liveness and the release being served (no token needed)', responses: { '200': json(ref('Health'), 'serving'), '403': errors['403'] } },
  };
  paths['/openapi.json'] = {
    get: {
      operationId: 'openapi',
      summary: 'this document',
      responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tariff Studio decision service',
      version: programVersion,
      description: `Answers the どこでも“me”REC decisions from an approved release (tariff release build). Every answer names the release (\`release\`). Served release: ${release.id}.`,
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'required when the service runs with --tokens; without it only clients on this machine are served' },
      },
      'x-formats': { 'iso-date': 'a calendar date YYYY-MM-DD', 'iso-month': 'a month YYYY-MM', 'iso-datetime': 'an ISO 8601 datetime; Asia/Tokyo when no offset is written' },
    },
    security: [{ bearer: [] }, {}],
    paths,
  };
}
