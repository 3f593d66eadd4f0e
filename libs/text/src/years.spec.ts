import { latestYearNamed } from './years';

describe('latestYearNamed', () => {
  it('takes the latest year a text names, wherever it stands', () => {
    expect(latestYearNamed('Lohan was at Betty Ford from September 2010 to January 2011. May 03, 2013')).toBe(2013);
    expect(latestYearNamed('Founded in 1948; sanctions since 2006.')).toBe(2006);
  });

  it('reads years at the edges of punctuation and words', () => {
    expect(latestYearNamed('(2008)')).toBe(2008);
    expect(latestYearNamed("2009's season ended.")).toBe(2009);
    expect(latestYearNamed('the 2012-13 budget')).toBe(2012);
  });

  it('does not read counts, amounts or longer numbers as years', () => {
    expect(latestYearNamed('2,000 people and 1.999 tonnes')).toBeUndefined();
    expect(latestYearNamed('order 120085, $2008.50')).toBeUndefined();
    expect(latestYearNamed('code 20081')).toBeUndefined();
  });

  it('knows no year outside 1900–2099 and none in a text without one', () => {
    expect(latestYearNamed('In 1848 and 2150')).toBeUndefined();
    expect(latestYearNamed('on Tuesday')).toBeUndefined();
  });
});
