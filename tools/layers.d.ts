// Types of tools/layers.js, the table of the grader's layers.
export interface Layer {
  name: string;
  /** Folders and files under grader/, relative to the package root. */
  paths: string[];
  /** A pipeline step (grader/0N-…). */
  step?: boolean;
}
export const LAYERS: Layer[];
