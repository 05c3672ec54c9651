import type { JSONSchemaType } from 'ajv';

/**
 * One studio call: its summary, its argument schema (typed by ajv's JSONSchemaType) and its
 * result schema, checked at compile time against the result type (`SchemaType` below), so a
 * result type and its schema cannot drift apart: a field added to one and not the other, a
 * type changed, a field made optional in one only, is a type error at the call.
 */
export type CallSpec<A, R> = {
  summary: string;
  args: JSONSchemaType<A>;
  result: object;
  /** Phantom fields carrying the types; never set. */
  readonly __args?: A;
  readonly __result?: R;
};

// ---------------------------------------------------------------------------------------------
// The TypeScript type a JSON Schema admits, for the subset the contract writes: `type` (one or a
// list), `enum`, `const`, `anyOf`, `oneOf`, `properties` with `required`, `additionalProperties`,
// `items`. An object schema with neither properties nor additionalProperties (`{ type: 'object' }`)
// and the empty schema `{}` are deliberately opaque (any): the contract leaves such a part to
// a checker of its own (the engine's output schemas, the simulator's scenario schema).
// ---------------------------------------------------------------------------------------------
type Dist<U> = U extends unknown ? SchemaType<U> : never;
type Prim<T, S> = T extends 'string'
  ? string
  : T extends 'integer' | 'number'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'null'
        ? null
        : T extends 'array'
          ? S extends { items: infer I }
            ? SchemaType<I>[]
            : // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an array of anything
              any[]
          : T extends 'object'
            ? ObjectOf<S>
            : never;
type ByType<T, S> = T extends readonly (infer E)[] ? (E extends unknown ? Prim<E, S> : never) : Prim<T, S>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ReqKeys<S> = S extends { required: readonly (infer K)[] } ? K : never;
type PropsOf<P, Req> = Simplify<
  { -readonly [K in keyof P as K extends Req ? K : never]: SchemaType<P[K]> } & { -readonly [K in keyof P as K extends Req ? never : K]?: SchemaType<P[K]> }
>;
type ObjectOf<S> = S extends { properties: infer P }
  ? S extends { additionalProperties: infer AP extends object }
    ? PropsOf<P, ReqKeys<S>> & Record<string, SchemaType<AP>>
    : PropsOf<P, ReqKeys<S>>
  : S extends { additionalProperties: infer AP extends object }
    ? Record<string, SchemaType<AP>>
    : // eslint-disable-next-line @typescript-eslint/no-explicit-any -- opaque on purpose (see above)
      any;
export type SchemaType<S> = S extends { const: infer C }
  ? C
  : S extends { enum: readonly (infer E)[] }
    ? E
    : S extends { anyOf: readonly (infer U)[] }
      ? Dist<U>
      : S extends { oneOf: readonly (infer U)[] }
        ? Dist<U>
        : S extends { type: infer T }
          ? ByType<T, S>
          : S extends { properties: object }
            ? ObjectOf<S>
            : // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the empty schema admits anything
              any;

/** A result type as JSON sees it: readonly arrays and properties are plain ones. */
type Plain<T> = T extends readonly (infer E)[] ? Plain<E>[] : T extends object ? { -readonly [K in keyof T]: Plain<T[K]> } : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/**
 * A part of a result whose schema is not restated as a type here: it is another module's schema
 * (the engine's data schemas), held to its own type where that module loads it. Its value is
 * still checked against the schema at runtime.
 */
export type OpaqueSchema = { readonly type: 'object' };
/** `unknown` when the schema admits exactly the result type; else an error naming both. */
export type ResultCheck<R, S> =
  Same<Plain<R>, SchemaType<S>> extends true ? unknown : { readonly 'the result schema does not match the result type': { type: R; schema: SchemaType<S> } };

/**
 * A call: `call<Args, Result>(summary, argsSchema).returns(resultSchema)`. The result schema is
 * taken as written (`const`) and must admit exactly `Result`.
 */
export const call = <A, R>(summary: string, args: JSONSchemaType<A>) => ({
  returns: <const S extends object>(result: S & ResultCheck<R, S>): CallSpec<A, R> => ({ summary, args, result }),
});
