/**
 * What a run tells the person who started it beside its results: a config
 * or roster warning, an input skipped, a zip refused. Never a failure of the
 * run; the CLI prints each one the same way (grader/cli/exit-and-notices.ts).
 */
export type NoticeKind = 'warning' | 'skipped' | 'zip refused';

export interface Notice {
  kind: NoticeKind;
  text: string;
}

export type OnNotice = (notice: Notice) => void;

/** Each text as a notice of one kind. */
export function tell(onNotice: OnNotice, kind: NoticeKind, texts: Iterable<string>): void {
  for (const text of texts) onNotice({ kind, text });
}
