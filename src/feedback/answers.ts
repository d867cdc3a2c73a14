/**
 * Answers checked against the region's questions in force for the respondent: every answer names
 * a known question once, a scale answer is a whole number 1–5, yes/no a boolean, a text at most
 * 2000 characters. Returns the problem as the field and message of BAD_USER_INPUT.
 */
import type { RegionConfig, Respondent } from '../region/region-config';
import type { FeedbackAnswer } from './feedback.entity';

export const MAX_TEXT = 2_000;

export function checkAnswers(
  config: RegionConfig,
  respondent: Respondent,
  answers: readonly FeedbackAnswer[],
): { field: string; message: string } | null {
  const questions = config.feedbackQuestions[respondent];
  if (!answers.length) return { field: 'answers', message: 'answer at least one question' };
  const seen = new Set<string>();
  for (const [i, a] of answers.entries()) {
    const at = `answers[${i}]`;
    const q = questions.find((x) => x.id === a.questionId);
    if (!q)
      return {
        field: `${at}.questionId`,
        message: `unknown question "${a.questionId}" for ${respondent} in region ${config.id}`,
      };
    if (seen.has(q.id)) return { field: `${at}.questionId`, message: `question "${q.id}" is answered twice` };
    seen.add(q.id);
    if (q.kind === 'SCALE_1_5') {
      if (a.scale === null || a.scale === undefined || !Number.isInteger(a.scale) || a.scale < 1 || a.scale > 5)
        return { field: `${at}.scale`, message: `question "${q.id}" takes a whole number from 1 to 5` };
    } else if (q.kind === 'YES_NO') {
      if (typeof a.yes !== 'boolean') return { field: `${at}.yes`, message: `question "${q.id}" takes yes or no` };
    } else {
      const text = a.text?.trim() ?? '';
      if (!text) return { field: `${at}.text`, message: `question "${q.id}" takes a text` };
      if (text.length > MAX_TEXT) return { field: `${at}.text`, message: `at most ${MAX_TEXT} characters` };
    }
  }
  return null;
}

/** Only the value the question's kind takes is kept. */
export function normalise(
  config: RegionConfig,
  respondent: Respondent,
  answers: readonly FeedbackAnswer[],
): FeedbackAnswer[] {
  return answers.map((a) => {
    const kind = config.feedbackQuestions[respondent].find((q) => q.id === a.questionId)!.kind;
    return kind === 'SCALE_1_5'
      ? { questionId: a.questionId, scale: a.scale }
      : kind === 'YES_NO'
        ? { questionId: a.questionId, yes: a.yes }
        : { questionId: a.questionId, text: a.text!.trim() };
  });
}
