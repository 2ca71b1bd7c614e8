import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearest } from '../../src/text/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['name', 'name', 0],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['nmae', 'name', 2], // a transposition is two edits in Levenshtein distance
    ['officalName', 'officialName', 1],
  ])('%j to %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('nearest', () => {
  const fields = ['id', 'name', 'officialName', 'abbreviation', 'sources'];

  it('finds a typo', () => {
    expect(nearest('officalName', fields)).toBe('officialName');
    expect(nearest('soruces', fields)).toBe('sources');
    expect(nearest('country/xbb', ['country/xa', 'country/xb'])).toBe('country/xb');
  });

  it('ignores case when measuring, but returns the candidate as spelled', () => {
    expect(nearest('OFFICIALNAME', fields)).toBe('officialName');
  });

  it('breaks ties by the candidate that sorts first, whatever the input order', () => {
    expect(nearest('ab', ['ac', 'aa'])).toBe('aa');
    expect(nearest('ab', ['aa', 'ac'])).toBe('aa');
  });

  it('proposes nothing far away, or sharing nothing with the input', () => {
    expect(nearest('population', fields)).toBeUndefined();
    expect(nearest('1', fields)).toBeUndefined();
    expect(nearest('anything', [])).toBeUndefined();
  });
});

describe('didYouMean', () => {
  it('phrases the suggestion, or gives nothing', () => {
    expect(didYouMean('joint-statment', ['joint-statement', 'list'])).toBe('did you mean "joint-statement"?');
    expect(didYouMean('zzz', ['joint-statement', 'list'])).toBeUndefined();
  });
});
