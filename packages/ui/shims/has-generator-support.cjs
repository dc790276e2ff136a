// Stands in for @stdlib/assert-has-generator-support in the web app's bundle. The original
// answers by calling eval on a generator function, which a Content-Security-Policy without
// 'unsafe-eval' reports as a violation on every load (and in every worker). Every browser the
// app is built for (ES2022) has generators, so the answer is always the one the probe gives
// there: true, and stdlib's series and continued fractions take the same code path as before.
// CommonJS, like the package it replaces: stdlib requires it and calls the export itself.
module.exports = function hasGeneratorSupport() {
  return true;
};
