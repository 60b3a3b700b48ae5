import type { ReadReport } from '../../../src/services/paper-read.ts';
import type { TestPage } from './testset.ts';

/** How a read batch compares with the truth of a generated set. */
export interface Score {
  pages: number;
  failedPages: number;
  fields: number;
  /** Fields read as the truth says: the right answer, blank, or sent to review when they should be. */
  correct: number;
  /** An answer given (or a blank reported) that is not the truth, and not sent to review. */
  unflaggedWrong: number;
  /** Sent to review although the marks were clear. */
  needlessReview: number;
  wrong: { file: string; field: string; truth: string; read: string }[];
}

export function scoreReport(pages: readonly TestPage[], report: ReadReport): Score {
  const byFile = new Map(report.pages.map((p) => [p.file, p]));
  const score: Score = {
    pages: pages.length,
    failedPages: 0,
    fields: 0,
    correct: 0,
    unflaggedWrong: 0,
    needlessReview: 0,
    wrong: [],
  };
  for (const page of pages) {
    const read = byFile.get(page.file);
    for (const [field, truth] of Object.entries(page.truth)) {
      score.fields++;
      if (!read) continue;
      const review = read.review.find((r) => r.field === field);
      const answer = read.answers[field] ?? '';
      const expected = 'answer' in truth ? truth.answer : undefined;
      if (expected !== undefined) {
        if (review) {
          score.needlessReview++;
          score.wrong.push({ file: page.file, field, truth: expected, read: `review:${review.reason}` });
        } else if (answer === expected) score.correct++;
        else {
          score.unflaggedWrong++;
          score.wrong.push({ file: page.file, field, truth: expected, read: answer });
        }
      } else if (review) score.correct++;
      else {
        score.unflaggedWrong++;
        score.wrong.push({
          file: page.file,
          field,
          truth: `review:${'review' in truth ? truth.review : ''}`,
          read: answer,
        });
      }
    }
    if (!read) score.failedPages++;
  }
  return score;
}
