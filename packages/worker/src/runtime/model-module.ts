// A user-written model as an ES module: the worker pool imports it by URL (a file: URL in
// Node, an http(s) URL in the browser), so running any model needs no worker script.
//
// The module exports a simulation definition of either kind (continuous-time
// `{ model, strategies }` or discrete-time `{ kind: 'cycle', model, strategies }`), or a
// function returning one, as its default export or under the name given.
import { type AnySimulationDefinition, createModelRunner, type SimulationRunner } from '@sarcsim/model/engine';

export interface ModelModuleSpec {
  /** Absolute URL of the module (Node: a file: URL; browser: an http(s) URL). */
  readonly url: string;
  /** The export holding the definition (default: 'default'). */
  readonly exportName?: string;
}

export class ModelModuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelModuleError';
  }
}

const ALLOWED =
  "allowed: a simulation definition { model, strategies }, a discrete-time one { kind: 'cycle', model, strategies }, or a function returning one";

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value) ?? String(value)}`;
}

/** Imports the module and returns its definition, checked enough to name what is wrong. */
export async function loadModelDefinition(spec: ModelModuleSpec): Promise<AnySimulationDefinition> {
  const exportName = spec.exportName ?? 'default';
  const where = `model module ${spec.url}`;
  let module: Record<string, unknown>;
  try {
    module = (await import(/* @vite-ignore */ spec.url)) as Record<string, unknown>;
  } catch (error) {
    throw new ModelModuleError(
      `${where}: could not be imported (${error instanceof Error ? error.message : String(error)}); it must be an ES module (.js or .mjs) that can resolve its own imports`,
    );
  }
  let value = module[exportName];
  if (value === undefined) {
    const names = Object.keys(module).sort();
    throw new ModelModuleError(
      `${where}: has no export '${exportName}' (it exports ${names.length === 0 ? 'nothing' : names.map((n) => `'${n}'`).join(', ')}); ${ALLOWED}`,
    );
  }
  if (typeof value === 'function') value = await (value as () => unknown)();
  const field = `export '${exportName}'`;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ModelModuleError(`${where}: ${field} is ${describe(value)}; ${ALLOWED}`);
  }
  const definition = value as { kind?: unknown; model?: unknown; strategies?: unknown };
  if (definition.kind !== undefined && definition.kind !== 'cycle') {
    throw new ModelModuleError(
      `${where}: ${field}.kind is ${describe(definition.kind)}; allowed: 'cycle' (discrete-time) or left out (continuous-time)`,
    );
  }
  if (definition.model === null || typeof definition.model !== 'object') {
    throw new ModelModuleError(
      `${where}: ${field}.model is ${describe(definition.model)}; allowed: a model definition object`,
    );
  }
  if (!Array.isArray(definition.strategies) || definition.strategies.length === 0) {
    throw new ModelModuleError(
      `${where}: ${field}.strategies is ${describe(definition.strategies)}; allowed: a non-empty array of strategies`,
    );
  }
  return value as AnySimulationDefinition;
}

/** The module's runner; the engine's own checks of the definition are reported with the module's name. */
export async function loadModelRunner(spec: ModelModuleSpec): Promise<SimulationRunner> {
  const definition = await loadModelDefinition(spec);
  try {
    return createModelRunner(definition);
  } catch (error) {
    throw new ModelModuleError(`model module ${spec.url}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
