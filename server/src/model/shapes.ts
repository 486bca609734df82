/**
 * Keeps the shapes of the parser's and the rules' objects alive between analyses.
 *
 * V8 compiles the hot functions of the parser and the rules against the hidden classes ("maps") of
 * the objects they meet: the parser itself, the readings' chunks, the rules' context. A map
 * lives only as long as something holds it, and the parser and the rules' context are made for one
 * analysis and let go after it. Once full collections find none of them alive (V8 keeps the maps
 * its compiled code names for two), their maps are freed and every function compiled against them
 * is thrown away: some 40 of them, the whole parser and every rule. The next analysis then runs in
 * V8's interpreter while they are compiled again: 130 to 180 ms for the 10k-task bench plan,
 * against 35 ms. Analyses one after another meet it: the benchmark's runs, as `fengong check`
 * over many files would. A keystroke in the server, which reads one task again, was not measurably
 * slower after the server's idle collection (first keystrokes in a 10k plan after 9 s idle: 19-44
 * ms before this, 16-38 ms after).
 *
 * So the last parser and the last rules' context are held here until the next ones replace them.
 * (A sample plan analysed once and kept did not do: V8 had made other maps for later objects.) The
 * parser holds its text and the columns of its plan, which the plan holds too; the server lets both
 * go (forgetLatest) when a document closes, as the parser may be that document's.
 */

let parser: object | null = null;
let judge: object | null = null;

/** The parser of the analysis under way, held until the next one. */
export function keepParser(p: object): void {
  parser = p;
}

/** The rules' context of the analysis under way, held until the next one. */
export function keepJudge(j: object): void {
  judge = j;
}

/** Lets go of what is held: nothing is open whose analysis it belongs to. */
export function forgetLatest(): void {
  parser = null;
  judge = null;
}

/** Whether anything is held (for the tests). */
export function holdingLatest(): boolean {
  return parser !== null || judge !== null;
}
