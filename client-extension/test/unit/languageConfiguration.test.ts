import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

// out/test/unit -> client-extension
const root = join(__dirname, '..', '..', '..');
const configuration = JSON.parse(readFileSync(join(root, 'language-configuration.json'), 'utf8')) as {
  wordPattern: { pattern: string; flags: string };
  comments: { lineComment: string };
  autoClosingPairs: { open: string; close: string }[];
};

/** The word VS Code would take at `$0` (it adds the g flag to the word pattern). */
function wordAt(marked: string): string | undefined {
  const offset = marked.indexOf('$0');
  const text = marked.replace('$0', '');
  const pattern = new RegExp(configuration.wordPattern.pattern, configuration.wordPattern.flags + 'g');
  for (const match of text.matchAll(pattern)) {
    if (match.index <= offset && offset <= match.index + match[0].length) return match[0];
  }
  return undefined;
}

describe('language configuration', () => {
  const words: [string, string][] = [
    ['see @smith:in$0tro.v2, too', '@smith:intro.v2'],
    ['end of @ke$0y.', '@key'],
    ['braced @{Doe 20$020} here', '@{Doe 2020}'],
    ['a well-kno$0wn word', 'well-known'],
    ['Nyström$0former', 'Nyströmformer'],
  ];
  for (const [marked, expected] of words) {
    it(`word at ${marked} is ${expected}`, () => assert.equal(wordAt(marked), expected));
  }

  it('comments with % and auto-closes [[ with ]]', () => {
    assert.equal(configuration.comments.lineComment, '%');
    assert.ok(configuration.autoClosingPairs.some(p => p.open === '[[' && p.close === ']]'));
  });
});
