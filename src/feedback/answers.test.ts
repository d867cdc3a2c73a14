import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import itaModule from '../../regions/ita-uusimaa';
import { RegionConfigSchema } from '../region/region-config';
import { checkAnswers, MAX_TEXT } from './answers';

const ita = RegionConfigSchema.parse(itaModule);

describe('feedback answers against the questions in force', () => {
  it('when answers fit the questions, then they pass', () => {
    expect(
      checkAnswers(ita, 'CLIENT', [
        { questionId: 'useful', scale: 4 },
        { questionId: 'comments', text: 'Hyvä' },
      ]),
    ).toBeNull();
  });

  it('when a question is unknown, answered twice, out of range or too long, then the answer is named', () => {
    expect(checkAnswers(ita, 'CLIENT', [{ questionId: 'cooperation', scale: 3 }])?.field).toBe('answers[0].questionId');
    expect(
      checkAnswers(ita, 'CLIENT', [
        { questionId: 'useful', scale: 3 },
        { questionId: 'useful', scale: 4 },
      ])?.field,
    ).toBe('answers[1].questionId');
    expect(checkAnswers(ita, 'CLIENT', [{ questionId: 'useful', scale: 6 }])?.field).toBe('answers[0].scale');
    expect(checkAnswers(ita, 'CLIENT', [{ questionId: 'comments', text: 'x'.repeat(MAX_TEXT + 1) }])?.field).toBe(
      'answers[0].text',
    );
    expect(checkAnswers(ita, 'EXPERT', [{ questionId: 'task-clear' }])?.field).toBe('answers[0].yes');
    expect(checkAnswers(ita, 'EXPERT', [])?.field).toBe('answers');
  });

  it('property: a scale answer passes exactly when it is a whole number from 1 to 5', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -10, max: 10 }), fc.double({ noNaN: true })), (scale) => {
        const ok = checkAnswers(ita, 'CLIENT', [{ questionId: 'useful', scale }]) === null;
        expect(ok).toBe(Number.isInteger(scale) && scale >= 1 && scale <= 5);
      }),
    );
  });
});
