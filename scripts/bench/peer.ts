/**
 * The peer: the outline VS Code users get for Markdown, computed by vscode-markdown-languageservice
 * (the library behind VS Code's own Markdown server) over a markdown-it parser, as VS Code runs it.
 * Each measurement announces a new document version first, exactly as an edit would, so the
 * library's per-document cache cannot answer from memory.
 */
import MarkdownIt from 'markdown-it';
import { CancellationToken, Emitter } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, githubSlugifier, LogLevel, type IMdParser, type ITextDocument, type IWorkspace } from 'vscode-markdown-languageservice';
import { URI } from 'vscode-uri';

export interface Outline {
  /** Computes the outline of the text as a new version of the document; resolves to the symbol count. */
  symbols(text: string): Promise<number>;
  dispose(): void;
}

export function markdownOutline(): Outline {
  const md = new MarkdownIt({ html: true });
  const parser: IMdParser = {
    slugifier: githubSlugifier,
    tokenize: async (doc) => md.parse(doc.getText(), {}),
  };
  const uri = URI.file('/bench/plan.md');
  let current: ITextDocument | undefined;
  const changed = new Emitter<ITextDocument>();
  const workspace: IWorkspace = {
    workspaceFolders: [URI.file('/bench')],
    onDidChangeMarkdownDocument: changed.event,
    onDidCreateMarkdownDocument: new Emitter<ITextDocument>().event,
    onDidDeleteMarkdownDocument: new Emitter<URI>().event,
    getAllMarkdownDocuments: async () => (current ? [current] : []),
    hasMarkdownDocument: (r) => r.toString() === uri.toString() && current !== undefined,
    openMarkdownDocument: async (r) => (r.toString() === uri.toString() ? current : undefined),
    stat: async (r) => (r.toString() === uri.toString() ? { isDirectory: false } : undefined),
    readDirectory: async () => [],
  };
  const service = createLanguageService({ workspace, parser, logger: { level: LogLevel.Off, log: () => undefined } });
  let version = 0;
  const countSymbols = (xs: readonly { children?: readonly unknown[] }[]): number =>
    xs.reduce((n, x) => n + 1 + countSymbols((x.children ?? []) as { children?: readonly unknown[] }[]), 0);
  return {
    async symbols(text) {
      current = TextDocument.create(uri.toString(), 'markdown', ++version, text);
      changed.fire(current);
      const result = await service.getDocumentSymbols(current, { includeLinkDefinitions: true }, CancellationToken.None);
      return countSymbols(result);
    },
    dispose() {
      service.dispose();
    },
  };
}
