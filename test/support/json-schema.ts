/**
 * JSON Schema validation for tests, with ajv: draft-04 for the official SARIF 2.1.0 schema, draft-07 for our
 * config schema. Returns the errors as readable lines (empty when valid).
 */
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

type AjvError = { instancePath: string; keyword: string; message?: string; data?: unknown };
type AnyAjv = { compile(schema: object): ((v: unknown) => boolean) & { errors?: AjvError[] | null } };
const cache = new WeakMap<object, ReturnType<AnyAjv['compile']>>();

function compile(schema: Record<string, unknown>) {
  let fn = cache.get(schema);
  if (!fn) {
    const draft04 = String(schema.$schema ?? '').includes('draft-04');
    const ajv = (draft04 ? new (AjvDraft04 as unknown as new (o: object) => AnyAjv)({ allErrors: true, strict: false, verbose: true }) : new (Ajv as unknown as new (o: object) => AnyAjv)({ allErrors: true, strict: false, verbose: true })) as AnyAjv;
    (addFormats as unknown as (a: AnyAjv) => void)(ajv);
    fn = ajv.compile(schema);
    cache.set(schema, fn);
  }
  return fn;
}

export async function validate(schema: Record<string, unknown>, value: unknown): Promise<string[]> {
  const fn = compile(schema);
  if (fn(value)) return [];
  return (fn.errors ?? []).map((e) => `${e.instancePath || '/'} [${e.keyword}]: ${e.message ?? 'invalid'}; got ${JSON.stringify(e.data)?.slice(0, 80)}`);
}
