/**
 * A fast path in front of zod for the server's hot calls. `compileExactCheck(schema)` walks a zod
 * schema once and generates a predicate that is true only when a value already is exactly what
 * `schema.parse` would return: every type and every check holds and no key would be stripped, so
 * the value can be used as it is. Anything else (an unknown key, a failed check, a schema construct
 * the compiler does not know) answers false and the caller runs zod, which strips or reports the
 * error. zod stays the one definition of validity and of every error message.
 *
 * Why: zod builds a result object per field and copies the input; on a server answering one small
 * call between milliseconds of other work, that cold code cost ~25 us a call, the largest share of
 * the front end's time. The generated function is one straight-line body per schema.
 *
 * Length and pattern checks are inlined only where the answer is certain (a string within the
 * limit by UTF-16 units is within it by code points); everything else calls zod's own check
 * function, so refinements and edge cases keep zod's semantics by construction.
 */
import { z } from 'zod';

/** True when `value` is exactly what the compiled schema's `parse` would return. */
export type ExactCheck = (value: unknown) => boolean;

export interface CompiledExactCheck {
  readonly check: ExactCheck;
  /** False when some part of the schema is not understood; that part always answers false (zod decides). */
  readonly complete: boolean;
}

// The parts of zod 4's internal schema and check objects the compiler reads.
interface CheckPayload {
  value: unknown;
  issues: unknown[];
}
interface ZodCheckDef {
  readonly check?: string;
  readonly when?: (payload: CheckPayload) => boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly format?: string;
  readonly pattern?: RegExp;
}
interface ZodCheckInternals {
  readonly _zod: { readonly def: ZodCheckDef; readonly check: (payload: CheckPayload) => unknown };
}
interface ZodDef {
  readonly type: string;
  readonly checks?: readonly ZodCheckInternals[];
  readonly shape?: Readonly<Record<string, ZodSchemaInternals>>;
  readonly catchall?: unknown;
  readonly element?: ZodSchemaInternals;
  readonly options?: readonly ZodSchemaInternals[];
  readonly discriminator?: string;
  readonly innerType?: ZodSchemaInternals;
  readonly values?: readonly unknown[];
  readonly entries?: Readonly<Record<string, unknown>>;
  readonly coerce?: boolean;
}
interface ZodSchemaInternals {
  readonly _zod: { readonly def: ZodDef };
}

const NEVER: ExactCheck = () => false;
// zod gives length checks this default `when`; a check carrying another one is left to zod.
const DEFAULT_LENGTH_WHEN = (z.string().max(1) as unknown as ZodSchemaInternals)._zod.def.checks![0]!._zod.def.when;

/** Runs one zod check as zod would on a value its type accepted: true when it raised no issue. */
function runZodCheck(check: ZodCheckInternals, value: unknown): boolean {
  const payload: CheckPayload = { value, issues: [] };
  const when = check._zod.def.when;
  if (when !== undefined && !when(payload)) return true;
  const outcome = check._zod.check(payload);
  return !(outcome instanceof Promise) && payload.issues.length === 0;
}

/** Compiles `schema` (see the module comment); compile once and reuse the predicate. */
export function compileExactCheck(schema: z.ZodType): CompiledExactCheck {
  const generator = new Generator();
  try {
    const check = generator.function(schema as unknown as ZodSchemaInternals);
    return { check, complete: generator.complete };
  } catch (error) {
    // Code generation refused (`--disallow-code-generation-from-strings`): zod alone decides.
    if (error instanceof EvalError) return { check: NEVER, complete: false };
    throw error;
  }
}

class Generator {
  complete = true;
  #constants: unknown[] = [];
  #nextVariable = 0;

  /** One generated function for `schema`; nested unions become functions of their own. */
  function(schema: ZodSchemaInternals): ExactCheck {
    const input = this.#variable();
    const body = this.#node(schema, input);
    const names = this.#constants.map((_, index) => `k${index}`);
    const source = `${names.length > 0 ? `const [${names.join(', ')}] = constants;\n` : ''}return function exactCheck(${input}) {\n${body}return true;\n};`;
    // The source comes from the schema alone, never from input.
    return new Function('constants', 'runZodCheck', source)(this.#constants, runZodCheck) as ExactCheck;
  }

  #node(schema: ZodSchemaInternals, value: string): string {
    const def = schema._zod.def;
    return this.#base(def, value) + this.#checks(def.checks ?? [], value);
  }

  #base(def: ZodDef, value: string): string {
    if (def.coerce === true) return this.#unsupported();
    switch (def.type) {
      case 'string':
        return `if (typeof ${value} !== 'string') return false;\n`;
      case 'number':
        return `if (typeof ${value} !== 'number' || !Number.isFinite(${value})) return false;\n`;
      case 'boolean':
        return `if (typeof ${value} !== 'boolean') return false;\n`;
      case 'literal':
        return this.#literal(def.values ?? [], value);
      case 'enum':
        return `if (!${this.#constant(new Set(Object.values(def.entries ?? {})))}.has(${value})) return false;\n`;
      case 'optional':
        return `if (${value} !== undefined) {\n${this.#node(def.innerType!, value)}}\n`;
      case 'nullable':
        return `if (${value} !== null) {\n${this.#node(def.innerType!, value)}}\n`;
      case 'array': {
        const item = this.#variable();
        return `if (!Array.isArray(${value})) return false;\nfor (const ${item} of ${value}) {\n${this.#node(def.element!, item)}}\n`;
      }
      case 'object':
        return def.catchall === undefined ? this.#object(def.shape ?? {}, value) : this.#unsupported();
      case 'union':
        return def.discriminator === undefined ? this.#union(def.options ?? [], value) : this.#discriminatedUnion(def.discriminator, def.options ?? [], value);
      default:
        return this.#unsupported();
    }
  }

  #literal(values: readonly unknown[], value: string): string {
    const primitive = (literal: unknown) => literal === null || ['string', 'number', 'boolean'].includes(typeof literal);
    if (values.length === 0 || !values.every(primitive)) return this.#unsupported();
    return `if (${values.map((literal) => `${value} !== ${JSON.stringify(literal)}`).join(' && ')}) return false;\n`;
  }

  #object(shape: Readonly<Record<string, ZodSchemaInternals>>, value: string): string {
    const keys = Object.keys(shape);
    const key = this.#variable();
    // zod strips unknown keys: an input holding one is not its own output.
    const known = keys.length === 0 ? 'false' : keys.map((name) => `${key} === ${JSON.stringify(name)}`).join(' || ');
    let code = `if (typeof ${value} !== 'object' || ${value} === null || Array.isArray(${value})) return false;\n`;
    code += `for (const ${key} in ${value}) if (!(${known})) return false;\n`;
    for (const name of keys) {
      const field = this.#variable();
      code += `const ${field} = ${value}[${JSON.stringify(name)}];\n${this.#node(shape[name]!, field)}`;
    }
    return code;
  }

  #union(options: readonly ZodSchemaInternals[], value: string): string {
    const checks = options.map((option) => this.#constant(this.#nested(option)));
    return `if (!(${checks.map((check) => `${check}(${value})`).join(' || ')})) return false;\n`;
  }

  // Picks the one option whose discriminator literal matches, as zod does.
  #discriminatedUnion(discriminator: string, options: readonly ZodSchemaInternals[], value: string): string {
    const byTag = new Map<unknown, ExactCheck>();
    for (const option of options) {
      const tag = option._zod.def.shape?.[discriminator]?._zod.def;
      if (tag?.type !== 'literal' || tag.values === undefined) return this.#unsupported();
      const check = this.#nested(option);
      for (const literal of tag.values) byTag.set(literal, check);
    }
    const chosen = this.#variable();
    return (
      `if (typeof ${value} !== 'object' || ${value} === null) return false;\n` +
      `const ${chosen} = ${this.#constant(byTag)}.get(${value}[${JSON.stringify(discriminator)}]);\n` +
      `if (${chosen} === undefined || !${chosen}(${value})) return false;\n`
    );
  }

  #nested(schema: ZodSchemaInternals): ExactCheck {
    const nested = new Generator();
    const check = nested.function(schema);
    if (!nested.complete) this.complete = false;
    return check;
  }

  #checks(checks: readonly ZodCheckInternals[], value: string): string {
    let code = '';
    for (const check of checks) {
      const def = check._zod.def;
      const zodCheck = this.#constant(check);
      if (def.check === 'max_length' && def.when === DEFAULT_LENGTH_WHEN && def.maximum !== undefined) {
        // Within the limit in UTF-16 units is within it in code points; only longer needs zod's count.
        code += `if (${value}.length > ${def.maximum} && !runZodCheck(${zodCheck}, ${value})) return false;\n`;
      } else if (def.check === 'min_length' && def.when === DEFAULT_LENGTH_WHEN && def.minimum !== undefined) {
        // Twice the floor in units always clears it in code points; below that zod counts.
        code += `if (${value}.length < ${def.minimum * 2} && !runZodCheck(${zodCheck}, ${value})) return false;\n`;
      } else if (def.check === 'string_format' && def.format === 'regex' && def.pattern !== undefined && def.when === undefined) {
        const pattern = this.#constant(def.pattern);
        code += `${pattern}.lastIndex = 0;\nif (!${pattern}.test(${value})) return false;\n`;
      } else {
        code += `if (!runZodCheck(${zodCheck}, ${value})) return false;\n`;
      }
    }
    return code;
  }

  #constant(value: unknown): string {
    this.#constants.push(value);
    return `k${this.#constants.length - 1}`;
  }

  #variable(): string {
    this.#nextVariable += 1;
    return `v${this.#nextVariable}`;
  }

  #unsupported(): string {
    this.complete = false;
    return 'return false;\n';
  }
}
