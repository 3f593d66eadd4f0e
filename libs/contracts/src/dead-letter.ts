import { Rejection } from './rejection';

/** What lands on the dead-letter topic: the input as it came, why it was refused, and where it came from. */
export interface DeadLetter {
  reasons: Rejection[];
  source: { topic: string; partition: number; offset: string };
  /** The original value: UTF-8 text when it decodes cleanly, else base64. */
  payload: string | null;
  payloadEncoding: 'utf8' | 'base64';
}

export const deadLetterPayload = (value: Buffer | null): Pick<DeadLetter, 'payload' | 'payloadEncoding'> => {
  if (value === null) return { payload: null, payloadEncoding: 'utf8' };
  const text = value.toString('utf8');
  return Buffer.from(text, 'utf8').equals(value) ? { payload: text, payloadEncoding: 'utf8' } : { payload: value.toString('base64'), payloadEncoding: 'base64' };
};
