import { InputPosition } from './input-position';

describe('InputPosition', () => {
  it('refuses what lies below where the takeover sought, per partition', () => {
    const position = new InputPosition();
    position.seekTo('articles', 0, '10');
    expect(position.isAhead('articles', 0, '9')).toBe(false);
    expect(position.isAhead('articles', 0, '10')).toBe(true);
    expect(position.isAhead('articles', 1, '0')).toBe(true);
  });

  it('moves past each committed chunk, and lets a gap through', () => {
    const position = new InputPosition();
    position.seekTo('articles', 0, '10');
    position.committed('articles', 0, '14');
    expect(position.isAhead('articles', 0, '14')).toBe(false);
    expect(position.isAhead('articles', 0, '15')).toBe(true);
    expect(position.isAhead('articles', 0, '20')).toBe(true);
  });

  it('forgets everything when cleared, until the next seek', () => {
    const position = new InputPosition();
    position.committed('articles', 0, '14');
    position.clear();
    expect(position.isAhead('articles', 0, '3')).toBe(true);
    position.seekTo('articles', 0, '5');
    expect(position.isAhead('articles', 0, '3')).toBe(false);
  });
});
