import { describe, expect, it } from 'vitest';
import { consensusSchedule, isEligible, NAMED_STRATEGIES } from './surveillance-strategy.js';

describe('surveillance strategies', () => {
  it('decides eligibility by site, histology, or an explicit set', () => {
    expect(isEligible('all', 'extremity', 'adipocytic')).toBe(true);
    expect(isEligible('retroperitoneal', 'retroperitoneal', 'adipocytic')).toBe(true);
    expect(isEligible('retroperitoneal', 'extremity', 'smoothMuscle')).toBe(false);
    expect(isEligible('lms', 'extremity', 'smoothMuscle')).toBe(true);
    expect(isEligible('retroperitonealOrLms', 'bodyWall', 'smoothMuscle')).toBe(true);
    expect(isEligible('retroperitonealOrLms', 'retroperitoneal', 'adipocytic')).toBe(true);
    expect(isEligible('retroperitonealOrLms', 'extremity', 'adipocytic')).toBe(false);
    expect(isEligible({ sites: ['headNeck'], histologies: ['vascular'] }, 'extremity', 'vascular')).toBe(true);
    expect(isEligible({ sites: ['headNeck'] }, 'extremity', 'vascular')).toBe(false);
  });

  it('follows the consensus schedule: 3-monthly to 2 years, 6-monthly to 5, yearly to 10 (19 visits)', () => {
    const times = consensusSchedule('contrastCt').flatMap((s) => {
      const visits: number[] = [];
      for (let t = s.fromMonths; t < s.toMonths; t += s.intervalMonths) visits.push(t);
      return visits;
    });
    expect(times).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 30, 36, 42, 48, 54, 60, 72, 84, 96, 108]);
  });

  it('ships the six named strategies with unique ids', () => {
    const ids = NAMED_STRATEGIES.map((s) => s.id);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toContain('registry-practice');
  });
});
