// Colours: the Okabe–Ito palette (safe for the common colour-vision deficiencies), ordered
// so the first colours contrast most with white; yellow is left out for contrast.
export const STRATEGY_COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#999999',
];

export const colourScale = (domain: readonly string[]) => ({
  domain: [...domain],
  range: STRATEGY_COLOURS.slice(0, Math.max(1, domain.length)),
  legend: true,
});
