/** One Jest run for unit (libs, tenants) and integration/e2e (test/) suites. */

// file-type 21 and its dependencies are ESM-only. Node 20 require()s them, but
// Jest's module system does not: Jest compiles them to CommonJS with ts-jest
// (allowJs), and resolves file-type to its Node entry point.
const ESM_PACKAGES = ['file-type', 'strtok3', 'token-types', '@tokenizer/inflate', '@tokenizer/token', 'uint8array-extras', '@borewit/text-codec'];
const ESM_PATTERN = ESM_PACKAGES.map((p) => p.replace(/[/.]/g, (c) => `\\${c}`)).join('|');

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false }],
    [`node_modules/(${ESM_PATTERN})/.+\\.js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', esModuleInterop: true }, isolatedModules: true, diagnostics: false },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PATTERN})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
    '^@regula/tenants$': '<rootDir>/tenants/index.ts',
    '^@regula/tenants/(.*)$': '<rootDir>/tenants/$1',
    '^@regula/auth/(.*)$': '<rootDir>/libs/auth/src/$1',
    '^@regula/([^/]+)$': '<rootDir>/libs/$1/src',
    '^@regula/([^/]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  // tools/: the lint rules' spec (JavaScript, like the ESLint configuration it tests).
  testMatch: ['<rootDir>/{apps,libs,tenants}/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/tools/**/*.spec.js'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
};
