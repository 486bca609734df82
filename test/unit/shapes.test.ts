import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis';
import { forgetLatest, holdingLatest } from '../../server/src/model/shapes';
import { createDefaultRegistry } from '../../server/src/registry/defaults';

const ROOT = join(__dirname, '..', '..');
/** Functions of the parser and the rules that V8 compiles in every long analysis. */
const HOT = ['readTask', 'finishTask', 'build', 'classifyLines', 'bracketGroups', 'findInlineClause', 'checkPlan', 'findingsOf'];

describe('shapes kept between analyses (model/shapes.ts)', () => {
  it('a full collection between analyses throws away none of the compiled parser or rules', function () {
    this.timeout(120_000);
    const run = spawnSync(process.execPath, ['--expose-gc', '--trace-opt', '--trace-deopt', '-r', 'tsx/cjs', join(ROOT, 'test', 'helpers', 'shapesProbe.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    assert.equal(run.status, 0, run.stderr);
    const out = run.stdout;
    const from = out.indexOf('--- collections');
    const to = out.indexOf('--- collected');
    assert.ok(from > 0 && to > from, 'the probe printed its markers');
    assert.match(out.slice(to), /--- tasks 2000/);
    // The probe means something only if V8 had compiled the parser before the collections.
    const compiled = (name: string) => new RegExp(`completed (?:compiling|optimizing) .*<JSFunction ${name} `).test(out.slice(0, from));
    assert.ok(HOT.filter(compiled).length >= 4, `V8 compiled too few of ${HOT.join(', ')} to tell`);
    const thrown = out
      .slice(from, to)
      .split('\n')
      .filter((l) => l.includes('reason: weak objects'))
      .map((l) => /SharedFunctionInfo (\w+)/.exec(l)?.[1])
      .filter((name) => name !== undefined && HOT.includes(name));
    assert.deepEqual(thrown, [], 'compiled code thrown away because the objects it was compiled for had died');
  });

  it('holds the last parser and rules context until told to forget them', () => {
    forgetLatest();
    assert.equal(holdingLatest(), false);
    analyse('1.任务。（省财政厅负责）', createDefaultRegistry());
    assert.equal(holdingLatest(), true);
    forgetLatest();
    assert.equal(holdingLatest(), false);
  });
});
