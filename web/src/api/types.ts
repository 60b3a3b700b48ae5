import type { z } from 'zod';
import type {
  AuditRowSchema,
  DepotSchema,
  ErrorSchema,
  IntakeSchema,
  ItemSchema,
  PeoplePageSchema,
  PersonSchema,
  RosterImportResultSchema,
  SiteSchema,
  UserSchema,
} from '../../../src/server/schemas.ts';

// The server's own schemas, as types only: the UI and the API cannot drift apart, and no schema code is bundled.
export type User = z.infer<typeof UserSchema>;
export type Site = z.infer<typeof SiteSchema>;
export type Depot = z.infer<typeof DepotSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type Intake = z.infer<typeof IntakeSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type PeoplePage = z.infer<typeof PeoplePageSchema>;
export type RosterImportResult = z.infer<typeof RosterImportResultSchema>;
/** Over JSON the time is always an ISO string. */
export type AuditRow = Omit<z.infer<typeof AuditRowSchema>, 'at'> & { at: string };
export type ErrorBody = z.infer<typeof ErrorSchema>;
export type Issue = NonNullable<ErrorBody['issues']>[number];
