// Grade, site and the shared propensity act on metastasis; local recurrence can kill, most of all
// after retroperitoneal primaries. Each comparison runs on the same seed, and its tolerance is
// 4 standard errors of the difference (treated as independent, which only makes it wider).
import { describe, expect, it } from 'vitest';
import { named, onlyCell, share, simulate, zDifference } from './sarcoma-runs.test-util.js';

const chest = [named('chest-only')];
const N = 8_000;

describe('who metastasises, and where', () => {
  it('high-grade tumours metastasise more, to the liver and beyond', () => {
    const cell = onlyCell('extremity', 'fibroblastic');
    const [low] = simulate(chest, N, { ...cell, 'nh.grade.highShare.fibroblastic': 0 });
    const [high] = simulate(chest, N, { ...cell, 'nh.grade.highShare.fibroblastic': 1 });
    expect(
      zDifference(share(high, 'patientsWithLiverMetastasis'), share(low, 'patientsWithLiverMetastasis')),
    ).toBeGreaterThan(4);
    expect(zDifference(share(high, 'extrahepaticMetastases'), share(low, 'extrahepaticMetastases'))).toBeGreaterThan(4);
    expect(zDifference(share(high, 'localRecurrences'), share(low, 'localRecurrences'))).toBeGreaterThan(4);
  });

  it('lung-first spread for limb primaries, liver-first for retroperitoneal ones (003)', () => {
    const [limb] = simulate(chest, N, onlyCell('extremity', 'undifferentiated'));
    const [rp] = simulate(chest, N, onlyCell('retroperitoneal', 'undifferentiated'));
    expect(zDifference(share(limb, 'extrahepaticMetastases'), share(rp, 'extrahepaticMetastases'))).toBeGreaterThan(4);
    expect(
      zDifference(share(rp, 'patientsWithLiverMetastasis'), share(limb, 'patientsWithLiverMetastasis')),
    ).toBeGreaterThan(4);
  });

  it('a shared propensity makes liver and extrahepatic metastasis co-occur', () => {
    // Association within patients: P(both) − P(liver)·P(extrahepatic). Site, histology and grade
    // are fixed here, so only the propensity can raise it (deaths from either kind of disease
    // truncate the other, which if anything lowers it).
    const fixed = { ...onlyCell('retroperitoneal', 'smoothMuscle'), 'nh.grade.highShare.smoothMuscle': 1 };
    const covariance = (sdLog: number) => {
      const [r] = simulate(chest, 20_000, { ...fixed, 'nh.metastasis.propensitySdLog': sdLog });
      const liver = share(r, 'patientsWithLiverMetastasis').p;
      const extra = share(r, 'extrahepaticMetastases').p;
      const both = share(r, 'livermetWithExtrahepatic');
      return { excess: both.p - liver * extra, se: both.se };
    };
    const none = covariance(0);
    const strong = covariance(1.1);
    expect(strong.excess).toBeGreaterThan(0);
    expect(strong.excess - none.excess).toBeGreaterThan(4 * Math.hypot(strong.se, none.se));
  });

  it('local recurrence kills, and more often after retroperitoneal primaries', () => {
    const deathsFromLocal = (site: 'extremity' | 'retroperitoneal') => {
      const [r] = simulate(chest, N, onlyCell(site, 'adipocytic'));
      const p = r?.curves.survival?.cumulativeIncidence.deadLocalRecurrence?.at(-1) ?? 0;
      return { p, se: Math.sqrt((p * (1 - p)) / N) };
    };
    const limb = deathsFromLocal('extremity');
    const rp = deathsFromLocal('retroperitoneal');
    expect(limb.p).toBeGreaterThan(0);
    expect(zDifference(rp, limb)).toBeGreaterThan(4);
  });
});
