// Shared jest settings for every ordex project: swc transpiles TypeScript with decorator
// metadata (Nest needs it), path aliases come from tsconfig.base.json, tests run in Node.
const { pathsToModuleNameMapper } = require('./tools/jest/paths');

module.exports = {
  testEnvironment: 'node',
  testMatch: ['**/?(*.)+(spec|integration-spec|e2e-spec).ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nats-io)/)'],
  moduleNameMapper: pathsToModuleNameMapper(),
  modulePathIgnorePatterns: ['<rootDir>/dist/', '/data/'],
  testTimeout: 30000,
};
