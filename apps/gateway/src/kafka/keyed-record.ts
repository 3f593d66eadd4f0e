/** A record for the articles topic: the article id as key, the validated article JSON as value. */
export interface KeyedRecord {
  readonly key: string;
  readonly value: string;
}
