// @ts-check
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

// Module mapping is derived from tsconfig paths so the two can never drift apart.
const tsconfig = JSON.parse(readFileSync(join(__dirname, 'tsconfig.json'), 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(/** @type {Record<string, string[]>} */ (tsconfig.compilerOptions.paths)).map(([alias, [target]]) => [
    `^${alias.replace('*', '(.*)')}$`,
    `<rootDir>/${(target ?? '').replace('*', '$1')}`,
  ]),
);

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    },
  ],
};

/** Test tiers by file suffix: *.spec.ts unit, *.int-spec.ts real Postgres + Kafka, test/*.e2e-spec.ts running services. */
const tier = (displayName, testMatch, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testMatch,
  transform,
  moduleNameMapper,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  ...extra,
});

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    tier('unit', ['<rootDir>/{apps,libs,tools}/**/*.spec.ts']),
    tier('int', ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts']),
    tier('e2e', ['<rootDir>/test/**/*.e2e-spec.ts']),
  ],
  testTimeout: 180_000,
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  transform,
  moduleNameMapper,
};
