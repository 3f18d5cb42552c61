/** ESM mode: got@14 is ESM-only (DESIGN.md fact 8). */
export default {
  preset: "ts-jest/presets/default-esm",
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  reporters: ["default", "<rootDir>/tests/support/summary-reporter.cjs"],
  testTimeout: 60000,
  // The suites mostly wait on engine runs (child processes) and the emulator: three at a time keep
  // both cores busy (one worker, Jest's default on two cores, leaves one idle).
  maxWorkers: 3,
};
