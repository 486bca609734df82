/**
 * Settings per resource (lsp-sample's getDocumentSettings): one readonly shape with defaults,
 * fetched from the client's `fengong` section, cached per URI until the configuration changes.
 * The registries a resource uses are cached by their resolved file list, so many documents share
 * one Registry and a registry file is read once per change.
 */
import { isAbsolute, resolve, sep } from 'node:path';
import { URI } from 'vscode-uri';
import { resolveLocale, type Locale } from './messages';
import { DEFAULT_SETTINGS, type Settings } from './protocol';
import { loadRegistries } from './registry/load';
import type { Registry, RegistryIssue } from './registry/registry';
import { RULE_CODES, SEVERITY_SETTINGS, type RuleCode, type SeveritySetting } from './rules/types';

export type { Settings };

/** Reads the raw `fengong` section for a resource; undefined when the client cannot say. */
export type ConfigurationSource = (uri: string) => Promise<unknown>;

/** Turns whatever the client sent into a well-formed Settings, keeping defaults for anything odd. */
export function normaliseSettings(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const r = raw as Record<string, unknown>;
  const registries = Array.isArray(r.registries) ? r.registries.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
  const rules: Partial<Record<RuleCode, SeveritySetting>> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [code, level] of Object.entries(r.rules as Record<string, unknown>)) {
      if ((RULE_CODES as readonly string[]).includes(code) && SEVERITY_SETTINGS.includes(String(level))) {
        rules[code as RuleCode] = level as SeveritySetting;
      }
    }
  }
  const pick = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);
  return {
    registries,
    useDefaultRegistry: typeof r.useDefaultRegistry === 'boolean' ? r.useDefaultRegistry : DEFAULT_SETTINGS.useDefaultRegistry,
    rules,
    firstListed: pick(r.firstListed, ['auto', 'on', 'off'], DEFAULT_SETTINGS.firstListed),
    language: pick(r.language, ['auto', 'zh-cn', 'en'], DEFAULT_SETTINGS.language),
  };
}

/** Everything a document's analysis depends on besides its text. */
export interface Environment {
  readonly settings: Settings;
  readonly registry: Registry;
  readonly locale: Locale;
  /** Registry files (absolute paths) this environment read. */
  readonly registryFiles: readonly string[];
}

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<Settings>>();
  private readonly registries = new Map<string, Registry>();

  constructor(
    private readonly source: ConfigurationSource | null,
    /** The editor's language from `initialize`, used when the setting says auto. */
    private readonly clientLocale: string | undefined,
    private readonly folders: () => readonly string[],
    /** Called once for each problem found in a registry file when it is (re)loaded. */
    private readonly onRegistryIssue: (issue: RegistryIssue, locale: Locale) => void,
  ) {}

  settingsFor(uri: string): Promise<Settings> {
    let s = this.perUri.get(uri);
    if (!s) {
      s = this.source ? this.source(uri).then(normaliseSettings, () => DEFAULT_SETTINGS) : Promise.resolve(DEFAULT_SETTINGS);
      this.perUri.set(uri, s);
    }
    return s;
  }

  async environment(uri: string): Promise<Environment> {
    const settings = await this.settingsFor(uri);
    const locale = settings.language === 'auto' ? resolveLocale(this.clientLocale) : settings.language;
    const registryFiles = settings.registries.map((p) => this.resolvePath(p, uri));
    return { settings, locale, registryFiles, registry: this.registry(registryFiles, settings.useDefaultRegistry, locale) };
  }

  /** The locale to use when no document is involved. */
  get defaultLocale(): Locale {
    return resolveLocale(this.clientLocale);
  }

  /** Forget every resource's settings (the client's configuration changed). */
  configurationChanged(): void {
    this.perUri.clear();
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  /** Drops cached registries that read any of the given files; true when one was dropped. */
  registryFilesChanged(paths: readonly string[]): boolean {
    let dropped = false;
    for (const key of [...this.registries.keys()]) {
      const files = (JSON.parse(key) as { files: string[] }).files;
      if (files.some((f) => paths.includes(f))) {
        this.registries.delete(key);
        dropped = true;
      }
    }
    return dropped;
  }

  private registry(files: readonly string[], includeDefault: boolean, locale: Locale): Registry {
    const key = JSON.stringify({ files, includeDefault });
    let r = this.registries.get(key);
    if (!r) {
      r = loadRegistries(files, includeDefault);
      this.registries.set(key, r);
      for (const issue of r.issues) this.onRegistryIssue(issue, locale);
    }
    return r;
  }

  private resolvePath(p: string, uri: string): string {
    const expanded = p.replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~');
    if (isAbsolute(expanded)) return resolve(expanded);
    const docPath = uri.startsWith('file:') ? URI.parse(uri).fsPath : null;
    const folder = this.folders().find((f) => docPath !== null && (docPath === f || docPath.startsWith(f.endsWith(sep) ? f : f + sep))) ?? this.folders()[0] ?? process.cwd();
    return resolve(folder, expanded);
  }
}
