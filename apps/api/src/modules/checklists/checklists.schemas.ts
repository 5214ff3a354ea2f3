import { Type, type Static } from 'typebox';
import { ActionDefinitionSchema, NormalizedActionDefinitionSchema } from './action-definitions.js';

const NameSchema = Type.String({ minLength: 1, maxLength: 200 });
const DescriptionSchema = Type.Union([Type.String({ maxLength: 4000 }), Type.Null()], {
  description: 'What the checklist is for, shown to whoever picks it.',
});
const ActionsSchema = Type.Array(ActionDefinitionSchema, {
  minItems: 1,
  maxItems: 200,
  description:
    'The checklist items. Their `order` values must be unique; the list is stored sorted by them.',
});

export const ChecklistSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    historyId: Type.Integer({
      description: 'The current version; every change creates a new, higher one.',
    }),
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    actions: Type.Array(NormalizedActionDefinitionSchema, {
      description: 'The action definitions, sorted by `order`.',
    }),
    archived: Type.Boolean({
      description:
        'Archived checklists cannot be copied into new task steps; their history and past copies stay.',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Checklist', additionalProperties: false },
);
export type Checklist = Static<typeof ChecklistSchema>;

export const CreateChecklistBodySchema = Type.Object(
  {
    name: NameSchema,
    description: Type.Optional(DescriptionSchema),
    actions: ActionsSchema,
  },
  { $id: 'CreateChecklistBody', additionalProperties: false },
);
export type CreateChecklistBody = Static<typeof CreateChecklistBodySchema>;

export const UpdateChecklistBodySchema = Type.Object(
  {
    name: Type.Optional(NameSchema),
    description: Type.Optional(DescriptionSchema),
    actions: Type.Optional(ActionsSchema),
  },
  {
    $id: 'UpdateChecklistBody',
    additionalProperties: false,
    minProperties: 1,
    description: 'Only the fields sent change; `actions` replaces the whole list.',
  },
);
export type UpdateChecklistBody = Static<typeof UpdateChecklistBodySchema>;

export const ChecklistVersionSchema = Type.Object(
  {
    historyId: Type.Integer(),
    checklist: ChecklistSchema,
    changedBy: Type.Union([Type.String(), Type.Null()], {
      description: 'Member id, or token:<id> for an API token.',
    }),
    createdAt: Type.String({ format: 'date-time', description: 'When this version began.' }),
  },
  { $id: 'ChecklistVersion', additionalProperties: false },
);
export type ChecklistVersion = Static<typeof ChecklistVersionSchema>;

export const ChecklistIdParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const ListChecklistsQuerySchema = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    cursor: Type.Optional(
      Type.String({ maxLength: 600, description: 'From the Link header of the previous page.' }),
    ),
    includeArchived: Type.Optional(Type.Boolean({ default: false })),
    search: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Part of the name, any case.' }),
    ),
  },
  { additionalProperties: false },
);
