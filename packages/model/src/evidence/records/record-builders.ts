// Small builders that keep the record files readable: a parameter from a document, from an
// external publication, or from an explicit assumption.
import type { Distribution, DocumentId, EvidenceRecord, Topic } from '../evidence-record.js';

interface ParameterBase {
  readonly id: string;
  readonly label: string;
  readonly topic: Topic;
  readonly value: number;
  readonly unit: string;
  readonly bounds: { readonly min: number; readonly max: number };
  readonly distribution: Distribution;
  readonly calibrated?: boolean;
}

export function fromDocument(
  base: ParameterBase,
  document: DocumentId,
  table: string,
  row: string,
  note?: string,
): EvidenceRecord {
  return {
    ...base,
    role: 'parameter',
    calibrated: base.calibrated ?? false,
    source: { kind: 'document', document, table, row, ...(note === undefined ? {} : { note }) },
  };
}

export function fromExternal(base: ParameterBase, citation: string, verified: boolean, note?: string): EvidenceRecord {
  return {
    ...base,
    role: 'parameter',
    calibrated: base.calibrated ?? false,
    source: { kind: 'external', citation, verified, ...(note === undefined ? {} : { note }) },
  };
}

export function assumed(base: ParameterBase, reason: string): EvidenceRecord {
  return { ...base, role: 'parameter', calibrated: base.calibrated ?? false, source: { kind: 'assumption', reason } };
}

/** An observation reported in a document (a calibration or validation target). */
export function observed(
  base: Omit<ParameterBase, 'calibrated'> & { readonly ci95?: { readonly low: number; readonly high: number } },
  document: DocumentId,
  table: string,
  row: string,
  note?: string,
): EvidenceRecord {
  return {
    ...base,
    role: 'observation',
    calibrated: false,
    source: { kind: 'document', document, table, row, ...(note === undefined ? {} : { note }) },
  };
}
