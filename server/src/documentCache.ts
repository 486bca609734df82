/**
 * Parse once per (uri, version, environment): every feature asks here and shares the result
 * (microsoft/vscode css-language-features languageModelCache). Entries are evicted when the
 * document closes; an entry for an older version is replaced, never served.
 */
import { analyse, type Analysis } from './analysis';
import { TaskCache } from './model/parser';
import type { Environment } from './settings';

export interface CachedAnalysis extends Analysis {
  readonly uri: string;
  readonly version: number;
  readonly env: Environment;
}

/** A plan analysed with what its environment (settings, registry, language) says. */
export function analyseIn(text: string, env: Environment, taskCache?: TaskCache): Analysis {
  const { settings, locale, registry } = env;
  return analyse(text, registry, { firstListed: settings.firstListed, severities: settings.rules, locale, taskCache });
}

export class DocumentCache {
  private readonly entries = new Map<string, CachedAnalysis>();
  /** Per document: readings of unchanged tasks are reused from the previous version. */
  private readonly tasks = new Map<string, TaskCache>();

  get(uri: string, version: number, text: string, env: Environment): CachedAnalysis {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version && hit.env.registry === env.registry && hit.env.settings === env.settings && hit.env.locale === env.locale) {
      return hit;
    }
    // At most one analysis per document: the old one is let go before the new one is built, so
    // two plans of a long document are never held at once (a 50k-task plan is ~100 MB).
    this.entries.delete(uri);
    let taskCache = this.tasks.get(uri);
    if (!taskCache) this.tasks.set(uri, (taskCache = new TaskCache()));
    const analysis = analyseIn(text, env, taskCache);
    const entry: CachedAnalysis = { ...analysis, uri, version, env };
    this.entries.set(uri, entry);
    return entry;
  }

  evict(uri: string): void {
    this.entries.delete(uri);
    this.tasks.delete(uri);
  }
}
