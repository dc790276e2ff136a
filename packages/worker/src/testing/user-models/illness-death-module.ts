// A user-written continuous-time model module for the pool tests: the illness–death example,
// exported as a function returning its definition (the pool calls it).
export { illnessDeathExample as default } from '@sarcsim/model/engine';
