/** The parts of an OpenAPI 3 document the fuzz suite walks. */
export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: boolean | SchemaObject;
  items?: SchemaObject;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  allOf?: SchemaObject[];
  default?: unknown;
  const?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: SchemaObject | null;
  /** The form of a multipart/form-data route (file uploads). */
  multipart: SchemaObject | null;
  produces: string[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: SchemaObject }> }; responses?: Record<string, { content?: Record<string, unknown> }> }>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        multipart: op.requestBody?.content?.['multipart/form-data']?.schema ?? null,
        produces: Object.values(op.responses ?? {}).flatMap((response) => Object.keys(response.content ?? {})),
      })),
  );
}

export function resolve(doc: OpenApiDocument, schema: SchemaObject): SchemaObject {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 20; depth += 1) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`Unresolvable $ref ${current.$ref}`);
    current = target;
  }
  if (current.allOf?.length) return current.allOf.map((part) => resolve(doc, part)).reduce((merged, part) => ({ ...merged, ...part, properties: { ...merged.properties, ...part.properties }, required: [...(merged.required ?? []), ...(part.required ?? [])] }), {} as SchemaObject);
  return current;
}

const typeOf = (schema: SchemaObject): string | undefined => (Array.isArray(schema.type) ? schema.type.find((type) => type !== 'null') : schema.type);

/** A plausible valid value: what a well-behaved client would send, so mutations reach past the outer checks. */
export function sampleOf(doc: OpenApiDocument, raw: SchemaObject, known: Record<string, string> = {}, name = ''): unknown {
  const schema = resolve(doc, raw);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf?.length || schema.oneOf?.length) return sampleOf(doc, (schema.anyOf ?? schema.oneOf)![0]!, known, name);
  switch (typeOf(schema)) {
    case 'object': {
      const entries = Object.entries(schema.properties ?? {}).map(([key, property]) => [key, sampleOf(doc, property, known, key)] as const);
      return Object.fromEntries(entries);
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sampleOf(doc, schema.items ?? {}, known, name));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (known[name]) return known[name];
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'email') return 'fuzz@example.test';
      if (schema.format === 'date-time') return '2026-01-01T00:00:00.000Z';
      return 'Fuzzed text that is long enough to pass a minimum length.'.padEnd(schema.minLength ?? 0, '.').slice(0, schema.maxLength ?? 10_000);
    default:
      return null;
  }
}

/** Every path of leaves and objects in a body schema, as property name lists, for targeted mutations. */
export function fieldPaths(doc: OpenApiDocument, raw: SchemaObject, prefix: string[] = [], depth = 0): string[][] {
  const schema = resolve(doc, raw);
  if (depth > 4) return [];
  if (typeOf(schema) === 'object') {
    return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => [[...prefix, key], ...fieldPaths(doc, property, [...prefix, key], depth + 1)]);
  }
  if (typeOf(schema) === 'array' && schema.items) return fieldPaths(doc, schema.items, [...prefix, '0'], depth + 1);
  return [];
}

/**
 * The largest JSON a valid body can be, with every character spelled `\uXXXX`
 * (6 bytes): Infinity when a string or list has no maximum.
 */
export function worstCaseJsonBytes(doc: OpenApiDocument, raw: SchemaObject, depth = 0): number {
  const schema = resolve(doc, raw);
  if (depth > 10) return Infinity;
  if (schema.enum?.length) return Math.max(...schema.enum.map((value) => JSON.stringify(value).length * 6));
  if (schema.anyOf?.length || schema.oneOf?.length) return Math.max(...(schema.anyOf ?? schema.oneOf)!.map((part) => worstCaseJsonBytes(doc, part, depth + 1)));
  switch (typeOf(schema)) {
    case 'object':
      return 2 + Object.entries(schema.properties ?? {}).reduce((sum, [key, property]) => sum + key.length + 4 + worstCaseJsonBytes(doc, property, depth + 1), 0);
    case 'array':
      return schema.maxItems === undefined ? Infinity : 2 + schema.maxItems * (1 + worstCaseJsonBytes(doc, schema.items ?? {}, depth + 1));
    case 'string':
      return schema.maxLength === undefined ? (schema.format === 'uuid' ? 38 : schema.format === 'email' ? 256 * 6 : Infinity) : 2 + schema.maxLength * 6;
    case 'integer':
    case 'number':
      return 24;
    case 'boolean':
      return 5;
    default:
      return 4;
  }
}
