// Jest environment for patchwarden's tests. tree-sitter's native binding must be loaded once per
// process: Jest gives every test file its own module registry, and a second copy of the addon
// re-initializes the binding's shared node-transfer buffer under the first copy's trees (their
// rootNode turns undefined). This environment hands the sandbox Node's own require, whose cache is
// process-wide; src/code/languages.ts uses it when present.
const { TestEnvironment } = require("jest-environment-node");

class PatchwardenEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__patchwardenNativeRequire = require;
  }
}

module.exports = PatchwardenEnvironment;
