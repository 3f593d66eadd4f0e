import { z } from 'zod';
import { isStorableId } from '../database/storable-ids';
import { isStorableTime } from '../database/timestamps';

/** Where a page ended: the last story's update time and id, the keyset of the newest-first ordering. */
export interface StoryCursor {
  readonly updatedAt: string;
  readonly id: string;
}

const cursorSchema = z.tuple([z.iso.datetime().refine(isStorableTime), z.string().min(1).refine(isStorableId)]);

/** Opaque to clients (base64url), so the keyset can change without breaking their contract. */
export const encodeCursor = ({ updatedAt, id }: StoryCursor): string => Buffer.from(JSON.stringify([updatedAt, id]), 'utf8').toString('base64url');

/** The cursor, or undefined when the text is not one encodeCursor made. */
export const decodeCursor = (text: string): StoryCursor | undefined => {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorSchema.safeParse(json);
  return parsed.success ? { updatedAt: parsed.data[0], id: parsed.data[1] } : undefined;
};
