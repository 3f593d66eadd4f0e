/** Four digits standing alone, in the two centuries news is written about. "2,000" and "12008" are not years. */
const YEAR = /(?<![\d,.])(?:19|20)\d\d(?!\d|[,.]\d)/g;

/**
 * The latest calendar year a text names. A report rarely names a year after the one it was written in, so for an
 * article without a publication time this dates it roughly: the latest year it mentions is about when it was news.
 */
export const latestYearNamed = (text: string): number | undefined => {
  let latest: number | undefined;
  for (const match of text.matchAll(YEAR)) {
    const year = Number(match[0]);
    if (latest === undefined || year > latest) latest = year;
  }
  return latest;
};
