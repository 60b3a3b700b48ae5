import type { z } from 'zod';
import type { SizeProfile, SizeProfileOverride } from '../../../../src/domain/sizes/index.ts';
import type {
  ChartSchema,
  ConversionSchema,
  FlagSchema,
  ItemAnswerSchema,
  NoteSchema,
  ResolveSchema,
  SizeSystemSchema,
} from '../../../../src/server/routes/sizes-schemas.ts';

// The server's schemas, as types only: the sizes pages and /api/sizes cannot drift apart.
export type SizeSystemInfo = z.infer<typeof SizeSystemSchema>;
export type SizeChart = z.infer<typeof ChartSchema>;
export type ChartCell = SizeChart['rows'][number]['cells'][number];
export type Conversion = z.infer<typeof ConversionSchema>;
export type Note = z.infer<typeof NoteSchema>;
export type Flag = z.infer<typeof FlagSchema>;
export type Resolution = z.infer<typeof ResolveSchema>;
export type ItemAnswer = z.infer<typeof ItemAnswerSchema>;
export type BodyIntervals = Resolution['body'];

/** `GET /api/sizes/profile`: the stored override, the profile in force, the stated defaults. */
export interface ProfileView {
  override: SizeProfileOverride;
  profile: SizeProfile;
  defaults: SizeProfile;
}
