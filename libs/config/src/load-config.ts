import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Thrown at start-up when configuration is invalid; the message names every offending variable. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

type Env = Record<string, string | undefined>;

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map(
      (msg) => `${e.property}: ${msg} (got ${JSON.stringify(e.value)})`,
    ),
    ...flatten(e.children ?? []),
  ]);
}

/**
 * The one place the process environment is read. Each app declares a config class whose property names are
 * the environment variable names, with class-validator rules and defaults as property initialisers.
 */
export function loadConfig<T extends object>(schema: new () => T, env: Env = readProcessEnv()): T {
  const defaults = new schema();
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const instance = plainToInstance(schema, { ...defaults, ...defined }, { enableImplicitConversion: true });
  const problems = flatten(validateSync(instance, { whitelist: false, forbidUnknownValues: false }));
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return instance;
}

export function readProcessEnv(): Env {
  // eslint-disable-next-line no-restricted-syntax -- the single sanctioned read of the environment
  return process.env;
}
