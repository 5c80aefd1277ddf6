import { describe, expect, it } from 'vitest';
import { unexplainedRepeats } from './support/fault-figures';

const mail = (messageId: string, receivedAt: number) => ({ messageId, receivedAt });

describe('unexplainedRepeats', () => {
  it('accepts a repeat only when a kill came right after the previous copy arrived', () => {
    const mails = [mail('<a>', 1_000), mail('<a>', 9_000), mail('<b>', 6_000), mail('<b>', 7_000), mail('<c>', 5_000)];
    // <a>: a kill 500 ms after the first copy explains the second; <b>: no kill near its first copy.
    expect(unexplainedRepeats(mails, [1_500], 2_000)).toEqual([mail('<b>', 7_000)]);
  });

  it('accepts a kill just before the previous copy arrived (the server read it after the death)', () => {
    expect(unexplainedRepeats([mail('<a>', 1_000), mail('<a>', 9_000)], [900], 2_000)).toEqual([]);
  });

  it('does not accept a kill far from the previous copy, or after the repeat', () => {
    expect(unexplainedRepeats([mail('<a>', 5_000), mail('<a>', 9_000)], [1_000], 2_000)).toHaveLength(1);
    expect(unexplainedRepeats([mail('<a>', 1_000), mail('<a>', 9_000)], [4_000], 2_000)).toHaveLength(1);
    expect(unexplainedRepeats([mail('<a>', 1_000), mail('<a>', 1_500)], [2_000], 2_000)).toHaveLength(1);
  });

  it('needs a kill for every repeat of the same mail', () => {
    const thrice = [mail('<a>', 1_000), mail('<a>', 5_000), mail('<a>', 9_000)];
    expect(unexplainedRepeats(thrice, [1_200], 2_000)).toEqual([mail('<a>', 9_000)]);
    expect(unexplainedRepeats(thrice, [1_200, 5_100], 2_000)).toEqual([]);
  });
});
