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
};
