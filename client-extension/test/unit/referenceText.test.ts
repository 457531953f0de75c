import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPlainKey, referenceText } from '../../src/referenceText';

describe('inserted reference text', () => {
  const cases: [title: string, key: string, expected: string][] = [
    ['Attention Is All You Need', 'vaswani2017', '[[Attention Is All You Need]]'],
    ['  Spread\n over   lines ', 'k', '[[Spread over lines]]'],
    ['A | B: pipes end the title', 'pipe2020', '@pipe2020'],
    ['Brackets ]] inside', 'br:2020', '@br:2020'],
    ['Ends with [bracket]', 'end.', '@{end.}'],
    ['', 'Doe 2020', '@{Doe 2020}'],
  ];
  for (const [title, key, expected] of cases) {
    it(`${JSON.stringify(title)} / ${key} -> ${expected}`, () => {
      assert.equal(referenceText({ title, key, detail: '' }), expected);
    });
  }

  it('knows which keys pandoc reads whole', () => {
    for (const key of ['smith2020', 'smith:intro.v2', '_x', 'müller2021', 'a-b+c']) assert.equal(isPlainKey(key), true, key);
    for (const key of ['key.', 'a b', '-lead', 'x--y', '']) assert.equal(isPlainKey(key), false, key);
  });
});
