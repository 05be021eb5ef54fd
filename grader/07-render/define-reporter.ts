/**
 * Gives a streaming reporter its in-memory `render`: the same hooks, run
 * over results already held, with every chunked file joined into one string.
 */
import { summarize } from '../results/summary.ts';
import type { Results } from '../results/types.ts';
import type { ClassResults, OutputFile, RenderContext, RenderedFile, Reporter, StreamingReporter } from './reporter.ts';

export function inMemoryClass(results: Results): ClassResults {
  const { submissions, ...header } = results;
  const sorted = [...submissions].sort((a, b) => a.id.localeCompare(b.id));
  return { ...header, count: submissions.length, summaries: () => sorted.map(summarize) };
}

export function joined(file: OutputFile): RenderedFile {
  return { path: file.path, content: typeof file.content === 'string' ? file.content : [...file.content].join('') };
}

export function defineReporter(reporter: StreamingReporter): Reporter {
  return {
    ...reporter,
    async render(results: Results, context: RenderContext): Promise<RenderedFile[]> {
      const { submissions, ...header } = results;
      const files: OutputFile[] = [];
      if (reporter.submission)
        for (const s of submissions) files.push(...(await reporter.submission(s, header, context)));
      if (reporter.finish) files.push(...(await reporter.finish(inMemoryClass(results), context)));
      return files.map(joined);
    },
  };
}
