const transform = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] };

/** @type {import('jest').Config} */
module.exports = {
  // Integration tests share one Neo4j database and reset it between files: one file at a time.
  maxWorkers: 1,
  testTimeout: 60_000,
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/src"],
      testMatch: ["**/*.test.ts"],
      transform,
      setupFiles: ["reflect-metadata"],
    },
    {
      displayName: "integration",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts"],
      transform,
      setupFiles: ["reflect-metadata"],
      globalSetup: "<rootDir>/test/support/global-setup.ts",
      globalTeardown: "<rootDir>/test/support/global-teardown.ts",
    },
  ],
};
