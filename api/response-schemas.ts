import { z } from 'zod';

/**
 * Every response body the API documents, by name. The OpenAPI document lists them under
 * `components.schemas`; `npm run api:types` turns that into the console's types
 * (`web/src/api-types.ts`). A route declares its body here and returns `z.output` of it, so the
 * compiler holds the server to what the document and the console say.
 */
export const responseSchemas = z.registry<{ id: string }>();

/** Names `schema` as a response type: a component of the OpenAPI document, a type of the console. */
export function responseType<T extends z.ZodType>(id: string, schema: T): T {
  responseSchemas.add(schema, { id });
  return schema;
}

/** The name a response schema was registered under. */
export function responseTypeName(schema: z.ZodType): string {
  const meta = responseSchemas.get(schema);
  if (!meta) throw new Error('not a registered response type');
  return meta.id;
}

/** An instant a row holds: a Date on the server, an ISO 8601 string on the wire. */
export const instant = z.date();
/** An instant stored inside a JSON column: already an ISO 8601 string. */
export const isoInstant = z.string().meta({ format: 'date-time' });
/** A pair of texts in Vietnamese and English. */
export const bilingual = z.object({ vi: z.string(), en: z.string() });

/** `true` when every value of type T is one the schema describes: `true satisfies Conforms<T, S>`. */
export type Conforms<T, S extends z.ZodType> = [T] extends [z.output<S>] ? true : false;
