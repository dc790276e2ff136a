// The categories the sarcoma model uses for the primary tumour (000: five sites, nine WHO groups).

export const SITES = ['extremity', 'bodyWall', 'retroperitoneal', 'thoracicPeritoneal', 'headNeck'] as const;
export type Site = (typeof SITES)[number];

export const SITE_LABELS: Record<Site, string> = {
  extremity: 'Extremity',
  bodyWall: 'Body wall',
  retroperitoneal: 'Retroperitoneal',
  thoracicPeritoneal: 'Thoracic and peritoneal',
  headNeck: 'Head and neck',
};

export const HISTOLOGIES = [
  'adipocytic',
  'fibroblastic',
  'fibrohistiocytic',
  'smoothMuscle',
  'skeletalMuscle',
  'vascular',
  'nerveSheath',
  'uncertainDifferentiation',
  'undifferentiated',
] as const;
export type Histology = (typeof HISTOLOGIES)[number];

/** Leiomyosarcoma is the WHO smooth-muscle group. */
export const LMS: Histology = 'smoothMuscle';

export const HISTOLOGY_LABELS: Record<Histology, string> = {
  adipocytic: 'Adipocytic tumours',
  fibroblastic: 'Fibroblastic/myofibroblastic tumours',
  fibrohistiocytic: 'So-called fibrohistiocytic tumours',
  smoothMuscle: 'Smooth muscle tumours (leiomyosarcoma)',
  skeletalMuscle: 'Skeletal muscle tumours',
  vascular: 'Vascular tumours of soft tissue',
  nerveSheath: 'Nerve sheath tumours',
  uncertainDifferentiation: 'Tumours of uncertain differentiation',
  undifferentiated: 'Undifferentiated/unclassified sarcomas',
};

export type Sex = 'male' | 'female';

/** Histological grade, collapsed to two levels (FNCLCC 1 vs 2–3). */
export const GRADES = ['low', 'high'] as const;
export type Grade = (typeof GRADES)[number];
