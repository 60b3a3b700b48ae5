import { z } from '@hono/zod-openapi';
import { ROLES } from '../domain/accounts/roles.ts';

/** Request and response shapes of the HTTP API: one schema per boundary type, described in /api/openapi.json. */

export const ErrorSchema = z
  .object({
    error: z.string().openapi({ example: 'invalid_input' }),
    message: z.string(),
    issues: z
      .array(
        z.object({
          file: z.string().optional(),
          sheet: z.string().optional(),
          row: z.number().int().optional(),
          field: z.string().optional(),
          reason: z.string(),
          code: z
            .string()
            .optional()
            .openapi({ description: 'The reason as a key of the reasons translations' }),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      )
      .optional(),
  })
  .openapi('Error');

export const errorResponses = {
  400: {
    description: 'Bad input: each problem names its field',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorSchema } } },
  403: {
    description: 'Signed in, but the role may not do this',
    content: { 'application/json': { schema: ErrorSchema } },
  },
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    language: z.string(),
  })
  .openapi('User');

export const LoginSchema = z
  .object({
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .openapi('Login');

export const NewUserSchema = z
  .object({
    username: z
      .string()
      .min(2)
      .max(50)
      .regex(/^[a-z0-9._-]+$/i, 'letters, digits, . _ - only'),
    displayName: z.string().min(1).max(100),
    password: z.string().min(10, 'at least 10 characters').max(200),
    roles: z.array(z.enum(ROLES)).min(1),
    language: z.enum(['en', 'ru', 'ko']).default('en'),
  })
  .openapi('NewUser');

export const SiteSchema = z.object({ id: z.string(), name: z.string() }).openapi('Site');

export const DepotSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    site_id: z.string().nullable(),
    site_name: z.string().nullable(),
  })
  .openapi('Depot');

export const ItemSchema = z
  .object({
    id: z.string(),
    names: z.record(z.string(), z.string()),
    sizeSystem: z.string().nullable(),
    sizes: z.array(z.object({ label: z.string(), fits: z.record(z.string(), z.unknown()) })),
  })
  .openapi('Item');

export const IntakeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    site_id: z.string(),
    start_date: z.string(),
    status: z.string(),
    people: z.number().int(),
  })
  .openapi('Intake');

export const NewIntakeSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only'),
    name: z.string().min(1).max(200),
    siteId: z.string().min(1),
    startDate: z.iso.date(),
  })
  .openapi('NewIntake');

export const PersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    name_latin: z.string().nullable(),
    name_cyrillic: z.string().nullable(),
    site_id: z.string(),
    birth_date: z.string().nullable(),
    sex: z.string().nullable(),
    unit: z.string().nullable(),
    language: z.string().nullable(),
  })
  .openapi('Person');

export const PeoplePageSchema = z
  .object({
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    people: z.array(PersonSchema),
    truncated: z.boolean().openapi({
      description:
        'A search matched more people than it ranks: the best ones are listed; type more of the name',
    }),
  })
  .openapi('PeoplePage');

export const PersonDetailSchema = PersonSchema.extend({
  intake_id: z.string(),
  intake_name: z.string(),
  site_name: z.string().nullable(),
  extra: z.record(z.string(), z.string()),
}).openapi('PersonDetail');

export const RosterImportResultSchema = z
  .object({
    intakeId: z.string(),
    fileName: z.string(),
    imported: z.number().int(),
    extraColumns: z.array(z.string()),
  })
  .openapi('RosterImportResult');

export const AuditRowSchema = z
  .object({
    id: z.union([z.string(), z.number()]),
    at: z.union([z.string(), z.date()]),
    actor_id: z.string().nullable(),
    actor: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entity_id: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditRow');

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(200)
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description: 'Idempotency-Key: makes a retried write apply once',
    }),
});
