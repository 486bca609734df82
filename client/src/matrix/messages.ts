/** Messages between the matrix panel (extension host) and its page (media/matrix.js). */
import type { Matrix } from '../../../server/src/protocol';

export interface ViewLabels {
  readonly department: string;
  readonly leads: string;
  readonly participates: string;
  readonly total: string;
  readonly leadMark: string;
  readonly participantMark: string;
  readonly leadTitle: string;
  readonly participantTitle: string;
  readonly perTask: string;
  /** "{tasks} tasks · {departments} departments" with the numbers left as placeholders. */
  readonly summary: string;
  readonly noTasks: string;
  readonly noMatch: string;
}

export type ToPage = { readonly type: 'show'; readonly matrix: Matrix; readonly labels: ViewLabels };

export type FromPage =
  | { readonly type: 'ready' }
  | {
      readonly type: 'rendered';
      readonly departments: number;
      readonly tasks: number;
      readonly cells: number;
      /** Cells in every row of the table, or -1 when rows differ. */
      readonly rowWidth: number;
    }
  | { readonly type: 'reveal'; readonly task: number }
  | { readonly type: 'export'; readonly format: 'csv' | 'xlsx' };

export function isFromPage(m: unknown): m is FromPage {
  if (typeof m !== 'object' || m === null) return false;
  const type = (m as { type?: unknown }).type;
  switch (type) {
    case 'ready':
      return true;
    case 'rendered':
      return typeof (m as { departments?: unknown }).departments === 'number';
    case 'reveal':
      return Number.isInteger((m as { task?: unknown }).task);
    case 'export':
      return ['csv', 'xlsx'].includes((m as { format?: unknown }).format as string);
    default:
      return false;
  }
}
