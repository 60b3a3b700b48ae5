/** Shapes of the paper API's answers (src/server/routes/paper.ts). */

export interface FailedPage {
  file: string;
  pageInFile?: number;
  code: string;
  reason: string;
}

export interface BatchReceipt {
  batchId: string;
  files: number;
  pagesRead: number;
  inReview: number;
  reviewItems: number;
  failed: FailedPage[];
  replayed: boolean;
}

export interface PaperBatch {
  id: string;
  formId: string;
  formVersion: string;
  files: { name: string; bytes: number }[];
  createdAt: string;
  createdBy: string | null;
  pagesRead: number;
  inReview: number;
  waiting: number;
  submitted: number;
  openItems: number;
  failed: FailedPage[];
}

export interface ReviewItem {
  id: string;
  batchId: string;
  personId: string;
  personName: string;
  page: number;
  file: string;
  pageInFile: number | null;
  field: string;
  reason: string;
  readValue: string | null;
  confidence: number | null;
  hasSnippet: boolean;
  status: 'open' | 'accepted' | 'corrected';
  decidedValue: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  prompt: { label: string; type: string; multiple: boolean; choices: { value: string; label: string }[] };
}

export interface ReviewPage {
  total: number;
  open: number;
  items: ReviewItem[];
}
