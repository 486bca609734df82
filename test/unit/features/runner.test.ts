import { strict as assert } from 'node:assert';
import { CancellationTokenSource } from 'vscode-languageserver';
import { runSafe } from '../../../server/src/runner';
import { normaliseSettings } from '../../../server/src/settings';
import { DEFAULT_SETTINGS } from '../../../server/src/protocol';

describe('the handler wrapper', () => {
  it('answers the empty result and logs the error with the document when a handler throws', async () => {
    const logged: string[] = [];
    const result = await runSafe({ error: (m) => logged.push(m) }, 'hover', 'file:///plan.fgfa', undefined, null, () => {
      throw new Error('boom');
    });
    assert.equal(result, null);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /^hover failed for file:\/\/\/plan\.fgfa: boom/);
  });

  it('does not run a handler whose request is already cancelled, and drops an answer cancelled meanwhile', async () => {
    const source = new CancellationTokenSource();
    source.cancel();
    let ran = false;
    assert.deepEqual(await runSafe({ error: () => undefined }, 'x', undefined, source.token, [], () => ((ran = true), [1])), []);
    assert.equal(ran, false);
    const later = new CancellationTokenSource();
    const answer = await runSafe({ error: () => undefined }, 'x', undefined, later.token, [], async () => {
      later.cancel();
      return [1];
    });
    assert.deepEqual(answer, []);
  });
});

describe('settings from the client', () => {
  it('keeps defaults for anything missing or malformed', () => {
    assert.equal(normaliseSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(
      normaliseSettings({ registries: ['a.json', 3, ''], rules: { 'no-lead': 'off', 'made-up': 'error', 'no-clause': 'loud' }, firstListed: 'sometimes', language: 'en' }),
      { registries: ['a.json'], useDefaultRegistry: true, rules: { 'no-lead': 'off' }, firstListed: 'auto', language: 'en' },
    );
  });
});
