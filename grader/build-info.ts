/**
 * What the build (tools/build.ts) recorded when it made dist/. The build
 * puts its own version of this module in the bundle; run as source, there is
 * no build and everything below is worked out at run time instead.
 */
export interface BuildInfo {
  /** Digest of the grader's result-shaping sources and the reference solutions it was built from (cache/key.ts). */
  sourceDigest: string;
  /** Digest of all the grader's sources and templates it was built from (07-render/page-ledger.ts). */
  renderDigest: string;
  /** The prebuilt sandbox host script, relative to the package root (03-sandbox/host/host-program.ts). */
  hostProgram: string;
}

export const BUILD: BuildInfo | undefined = undefined;
