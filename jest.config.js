const transform = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] };

// The Cypher catalogue's snapshot test needs no database: it runs with the unit tests.
const CATALOGUE = "<rootDir>/test/cypher/catalogue.test.ts";

/** @type {import('jest').Config} */
module.exports = {
  // Integration tests share one Neo4j database and reset it between files: one file at a time
  // (`npm run test:unit` runs the unit project alone, on every core).
  maxWorkers: 1,
  testTimeout: 60_000,
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/src/**/*.test.ts", CATALOGUE],
      transform,
      setupFiles: ["reflect-metadata"],
    },
    {
      // The explorer's pure modules (its router), compiled with the explorer's settings (DOM types).
      displayName: "web",
      testEnvironment: "node",
      testMatch: ["<rootDir>/web/src/**/*.test.ts"],
      transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "web/tsconfig.test.json" }] },
    },
    {
      displayName: "integration",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "/test/cypher/catalogue\\.test\\.ts$"],
      transform,
      setupFiles: ["reflect-metadata"],
      globalSetup: "<rootDir>/test/support/global-setup.ts",
      globalTeardown: "<rootDir>/test/support/global-teardown.ts",
    },
  ],
};
