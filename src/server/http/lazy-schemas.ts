// Route schemas compiled on first use. Fastify compiles every route's validators (Ajv) and response
// serializers (fast-json-stringify) when the route is declared: some 600 generated functions,
// most of them for error bodies and admin routes a worker may never answer, and with their source
// text they were the largest part of an idle worker's heap. Here each one is compiled the first
// time a request needs it, then reused; the answers are the same. compileSchemasNow() compiles all
// of an app's schemas at once, so that a test still finds a broken schema without calling its route.
import SerializerSelector, { type SerializerFactory } from '@fastify/fast-json-stringify-compiler';

type Compile = () => void;
/** What Ajv's compile returns, as Fastify uses it. */
type Validate = ((data: unknown, dataCxt?: unknown) => unknown) & { errors?: unknown };
/** The compiles not yet run, per compiler registry (one per app). */
export class LazySchemas {
  readonly #pending = new Set<Compile>();

  /** Wraps a validator compiler: Ajv's function, its `errors` and `schemaEnv` included, is made on first call. */
  validators<R, V>(compile: (route: R) => V): (route: R) => V {
    return (route) => {
      let fn: Validate | undefined;
      const make = () => {
        if (!fn) {
          fn = compile(route) as Validate;
          this.#pending.delete(make);
        }
        return fn;
      };
      this.#pending.add(make);
      // Fastify passes { parentData, parentDataProperty } to an Ajv function (one with schemaEnv), so
      // that Ajv may coerce a root value in place; the wrapper says it is one and hands them on.
      const validate = Object.assign(
        (data: unknown, dataCxt?: unknown) => {
          const f = make();
          const result = f(data, dataCxt);
          validate.errors = f.errors;
          return result;
        },
        { errors: undefined as unknown, schemaEnv: true },
      );
      return validate as unknown as V;
    };
  }

  /** For Fastify's `schemaController.compilersFactory.buildSerializer`: fast-json-stringify, compiled on first use. */
  serializers(): SerializerFactory {
    const build = SerializerSelector();
    return (externalSchemas, options) => (route) => {
      let fn: ((data: unknown) => string) | undefined;
      const make = () => {
        if (!fn) {
          // A fresh compiler each time: the default one drops a schema's own $id from the shared
          // external schemas as it compiles, which must not depend on which route compiled first.
          fn = build(externalSchemas, options)(route);
          this.#pending.delete(make);
        }
        return fn;
      };
      this.#pending.add(make);
      return (data: unknown) => make()(data);
    };
  }

  /** Compiles every schema not compiled yet, and says how many (tests: a broken schema fails here, not at its first request). */
  compileNow(): number {
    const pending = [...this.#pending];
    for (const make of pending) make();
    return pending.length;
  }
}

const byApp = new WeakMap<object, LazySchemas>();
/** The lazy compilers of one app (made before the app, registered once it exists). */
export function lazySchemasOf(app: object, schemas?: LazySchemas): LazySchemas | undefined {
  if (schemas) byApp.set(app, schemas);
  return byApp.get(app);
}

/** Compiles every schema of an app built by buildApp now; throws on the first that does not compile. */
export function compileSchemasNow(app: object): number {
  return lazySchemasOf(app)?.compileNow() ?? 0;
}
