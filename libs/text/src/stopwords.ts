// Function words and reporting verbs carry no story identity; every outlet uses them.
const STOPWORDS = new Set(
  `a about above after again against all almost also although always am among an and another any anyone anything are
  around as at be became because become been before being below between both but by can cannot could did do does doing
  done down during each either else enough even ever every few for from further get gets got had has have having he her
  here hers herself him himself his how however i if in including into is it its itself just last least less like made
  make many may me might more most much must my myself neither never next no nor not now of off often on once one only
  or other others our ours ourselves out over own per perhaps quite rather really same several shall she should since so
  some something still such than that the their theirs them themselves then there these they this those though through
  thus to too toward towards under until up upon us very via was we were what whatever when where whether which while
  who whom whose why will with within without would yet you your yours yourself yourselves
  said says say saying told tell according reported report reports added adding also new news mr mrs ms dr
  monday tuesday wednesday thursday friday saturday sunday week weeks year years day days time today yesterday tomorrow`
    .split(/\s+/)
    .filter(Boolean),
);

export const isStopword = (word: string): boolean => STOPWORDS.has(word);
