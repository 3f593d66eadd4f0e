import { appConfigSchema, port } from '@app/platform';
import { z } from 'zod';

export const storiesConfigSchema = appConfigSchema('stories', {
  PORT: port(3002),
  // Absent means the embedded PGlite database, so the read side runs with no server to install.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
});

export type StoriesConfig = z.output<typeof storiesConfigSchema>;
