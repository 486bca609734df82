/**
 * Run by test/unit/shapes.test.ts in a child process started with --expose-gc --trace-opt
 * --trace-deopt: analyses a plan until the parser is compiled, holding the last analysis as the
 * server does, then makes full collections between two markers. V8's trace of what it throws away
 * during them is on stdout between the markers.
 */
import { analyse } from '../../server/src/analysis';
import { generatePlan } from '../../scripts/bench/generate';
import { benchNames } from '../../scripts/bench/names';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const names = benchNames();
const g = generatePlan(2000, 20261127, names.pool);
let held = analyse(g.text, names.registry);
for (let i = 0; i < 40; i++) held = analyse(g.text, names.registry);
console.log('--- collections');
for (let i = 0; i < 3; i++) gc();
console.log('--- collected');
held = analyse(g.text, names.registry);
console.log(`--- tasks ${held.plan.tasks.length}`);
