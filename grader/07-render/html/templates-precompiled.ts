/**
 * The report's templates (templates/report), compiled ahead of time.
 * Compiling them costs a run that renders pages more than it takes to render
 * a class from the cache, so the build (tools/build.ts) puts its own
 * version of this module in the bundle: each template as handlebars's
 * precompiled code, which handlebars's small runtime turns into a function.
 * Run as source, there is none, and ./templates.ts compiles them on first use.
 */
export interface PrecompiledTemplates {
  overview: object;
  submission: object;
  partials: Record<string, object>;
  /** The sorting script's text, for its hash (./templates.ts). */
  sortScript: string;
}

export const PRECOMPILED_TEMPLATES: PrecompiledTemplates | undefined = undefined;
