/**
 * Parse once per (uri, version, environment): every feature asks here and shares the result
 * (microsoft/vscode css-language-features languageModelCache). Entries are evicted when the
 * document closes; an entry for an older version is replaced, never served.
 */
import { analyse, type Analysis } from './analysis';
import type { Environment } from './settings';

export interface CachedAnalysis extends Analysis {
  readonly uri: string;
  readonly version: number;
  readonly env: Environment;
}

export class DocumentCache {
  private readonly entries = new Map<string, CachedAnalysis>();

  get(uri: string, version: number, text: string, env: Environment): CachedAnalysis {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version && hit.env.registry === env.registry && hit.env.settings === env.settings && hit.env.locale === env.locale) {
      return hit;
    }
    const { settings, locale, registry } = env;
    const analysis = analyse(text, registry, { firstListed: settings.firstListed, severities: settings.rules, locale });
    const entry: CachedAnalysis = { ...analysis, uri, version, env };
    this.entries.set(uri, entry);
    return entry;
  }

  /** The newest analysis held for a document, whatever its version. */
  peek(uri: string): CachedAnalysis | undefined {
    return this.entries.get(uri);
  }

  evict(uri: string): void {
    this.entries.delete(uri);
  }
}
