// The calibration set the worker runtime runs scenarios with: the committed posterior, whose
// mean deterministic runs use. The one place in the worker package that picks it; the CLI,
// the pool and the analyses pass it on (PSA and DSA also write every calibrated value into
// the scenarios they evaluate, so their results follow the set they are given).
import { COMMITTED_CALIBRATION, type CommittedCalibration } from '@sarcsim/model/calibration';

export const RUNTIME_CALIBRATION: CommittedCalibration = COMMITTED_CALIBRATION;
