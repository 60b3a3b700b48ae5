import type { z } from 'zod';
import type { NormalisedForm } from '../../../src/domain/forms/form-model.ts';
import type {
  FormSummarySchema,
  ProgressSchema,
  SubmissionReceiptSchema,
} from '../../../src/server/routes/forms.ts';

// The server's own schemas, as types only (as in api/types.ts): no schema code is bundled.
export type FormSummary = z.infer<typeof FormSummarySchema>;
export type FormListItem = FormSummary & { versions: number };
export interface FormDetail {
  form: FormSummary;
  definition: NormalisedForm;
  versions: FormSummary[];
}
export type SubmissionReceipt = z.infer<typeof SubmissionReceiptSchema>;
export type IntakeProgress = z.infer<typeof ProgressSchema>;
