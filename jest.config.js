/** One Jest run for unit (libs, tenants) and integration/e2e (test/) suites. */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@regula/tenants$': '<rootDir>/tenants/index.ts',
    '^@regula/tenants/(.*)$': '<rootDir>/tenants/$1',
    '^@regula/auth/(.*)$': '<rootDir>/libs/auth/src/$1',
    '^@regula/([^/]+)$': '<rootDir>/libs/$1/src',
    '^@regula/([^/]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testMatch: ['<rootDir>/{apps,libs,tenants}/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
};
