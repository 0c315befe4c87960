/** Jest runs the TypeScript sources as ESM (Probot 14 is ESM-only). */
export default {
  preset: "ts-jest/presets/default-esm",
  testEnvironment: "<rootDir>/test/environment.cjs",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json" }],
  },
  testTimeout: 30000,
};
