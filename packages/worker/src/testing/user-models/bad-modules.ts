// Modules that are not models, for the tests of the pool's errors on a bad model module.
export const aNumber = 42;
export const noStrategies = { model: { name: 'x' }, strategies: [] };
export const wrongKind = { kind: 'markov', model: {}, strategies: [{ id: 'a', label: 'a' }] };
export const badCycles = {
  kind: 'cycle',
  model: {
    name: 'bad',
    states: ['alive', 'dead'],
    terminalStates: ['dead'],
    initialState: 'alive',
    cycleYears: 1,
    cycles: 0,
    transitions: {},
    valueTiming: 'cycle-start',
    values: {},
  },
  strategies: [{ id: 'a', label: 'a' }],
};
