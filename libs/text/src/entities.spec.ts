import { entities } from './entities';

describe('entities', () => {
  it('keeps names inside sentences and multi-word names opening one', () => {
    expect(entities('North Korea sold shells to the Russian army. Officials met Kim Jong Un in Pyongyang.')).toEqual([
      'north',
      'korea',
      'russian',
      'kim',
      'jong',
      'un',
      'pyongyang',
    ]);
  });

  it('skips a capitalised word that only opens a sentence', () => {
    expect(entities('Officials declined to comment. Troops moved north.')).toEqual([]);
  });

  it('keeps numbers from two digits, a thousands separator inside one number', () => {
    expect(entities('The 7.1 quake killed 1,200 people and 3 dogs.')).toEqual(['#71', '#1200']);
  });

  it('stems and drops possessives so "Reid\'s" and "Reid" agree', () => {
    expect(entities("The rep of Tara Reid's family spoke. Fans of Reid waited.")).toEqual(['tara', 'reid', 'reid']);
  });
});
