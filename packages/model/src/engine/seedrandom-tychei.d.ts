// Types for the one seedrandom generator the engine imports directly (its sub-path has none).
declare module 'seedrandom/lib/tychei.js' {
  interface TycheiPrng {
    (): number;
    double(): number;
    int32(): number;
    quick(): number;
  }
  function tychei(seed: number | string): TycheiPrng;
  export default tychei;
}
