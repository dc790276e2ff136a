// A user-written discrete-time model as a plain ES module with no imports, for the tests that
// run a model module in the worker pool (Node and Chromium). Illustrative values only.
export default {
  kind: 'cycle',
  model: {
    name: 'four-state user model',
    states: ['well', 'ill', 'worse', 'dead'],
    terminalStates: ['dead'],
    attributes: (uniform) => ({ frail: uniform() < 0.3 }),
    initialState: 'well',
    cycleYears: 1,
    cycles: 20,
    transitions: {
      well: { ill: 0.12, dead: (person) => (person.attributes.frail ? 0.06 : 0.02) },
      ill: { well: 0.3, worse: 0.15, dead: 0.05 },
      worse: { dead: 0.25 },
    },
    valueTiming: 'half-cycle',
    values: {
      costs: { annualDiscountRate: 0.03, perCycleInState: { well: 1000, ill: 5000, worse: 20000 } },
      qalys: { annualDiscountRate: 0.03, perCycleInState: { well: 0.9, ill: 0.6, worse: 0.3 } },
    },
    counters: { illCycles: { ill: 1 } },
  },
  strategies: [
    { id: 'usual', label: 'Usual care' },
    { id: 'better', label: 'Better care', transitions: { ill: { worse: 0.08 } }, values: { costs: { ill: 6500 } } },
  ],
};
