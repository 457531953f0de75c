import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CollectionStatusParams } from '../../src/protocol';
import { presentStatus } from '../../src/statusText';

const ready: CollectionStatusParams = { state: 'ready', papers: 248, collections: 2, problems: 0, message: '' };

describe('status bar text', () => {
  it('shows the paper count when ready', () => {
    const shown = presentStatus(ready);
    assert.equal(shown.text, '$(book) 248 papers');
    assert.match(shown.tooltip, /248 papers from 2 collections/);
    assert.equal(shown.isWarning, false);
  });

  it('spins while loading and puts the message in the tooltip', () => {
    const shown = presentStatus({ ...ready, state: 'loading', message: 'Loading refs.bib — 41,200 papers' });
    assert.equal(shown.text, '$(sync~spin) Loading…');
    assert.match(shown.tooltip, /Loading refs\.bib — 41,200 papers/);
  });

  it('warns when the collections have problems', () => {
    const shown = presentStatus({ ...ready, problems: 3 });
    assert.equal(shown.text, '$(warning) 248 papers');
    assert.match(shown.tooltip, /3 problems in the collections/);
    assert.equal(shown.isWarning, true);
  });

  it('formats large counts and singulars', () => {
    assert.equal(presentStatus({ ...ready, papers: 41200 }).text, '$(book) 41,200 papers');
    assert.equal(presentStatus({ ...ready, papers: 1, collections: 1 }).tooltip, 'PaperLsp: 1 paper from 1 collection');
    assert.match(presentStatus({ ...ready, problems: 1 }).tooltip, /1 problem in/);
  });

  it('shows an error state', () => {
    const shown = presentStatus({ ...ready, state: 'error', papers: 0, message: 'refs.bib: access denied' });
    assert.equal(shown.text, '$(error) 0 papers');
    assert.equal(shown.isError, true);
    assert.match(shown.tooltip, /access denied/);
  });
});
