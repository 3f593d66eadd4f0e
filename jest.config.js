// Two projects: fast pure unit tests beside the code, and integration/e2e tests in test/ that need a real broker.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@app/(contracts|text|matching|stories|platform)$': '<rootDir>/libs/$1/src',
  '^@app/(contracts|text|matching|stories|platform)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

// PGlite's CommonJS build loads Node built-ins with import(), which Jest's module sandbox cannot run without
// --experimental-vm-modules; compiled as a module, swc turns each of those into a require().
const pgliteSwc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs', ignoreDynamic: false }, isModule: true }];

const shared = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc, '/@electric-sql/pglite/dist/.+\\.cjs$': pgliteSwc },
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools,scripts}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-timeout.ts'],
    },
  ],
};
