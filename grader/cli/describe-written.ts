import path from 'node:path';

/**
 * "wrote out/results.json, out/grades.csv, out/index.html and 36 file(s) in out/details, out/submissions, out/feedback",
 * then "; 864 file(s) of unchanged submissions left as they were" when an earlier run's files were kept.
 */
export function describeWritten(out: string, files: string[], kept = 0): string {
  const top = files.filter((f) => !f.includes('/')).map((f) => path.join(out, f));
  const nested = files.filter((f) => f.includes('/'));
  const folders = [...new Set(nested.map((f) => path.join(out, path.dirname(f))))];
  return `wrote ${top.join(', ')}${nested.length > 0 ? `${top.length > 0 ? ' and ' : ''}${nested.length} file(s) in ${folders.join(', ')}` : ''}${kept > 0 ? `; ${kept} file(s) of unchanged submissions left as they were` : ''}`;
}
