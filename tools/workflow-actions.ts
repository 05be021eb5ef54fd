/**
 * The GitHub Actions that gradelab's workflows may use, each pinned to its
 * current major, with what that tag's own action.yml declares: the runtime
 * (`runs.using`) and the inputs. A workflow that names another action, an
 * older major, or an input the action does not have fails the lint, so a
 * stale runtime or a misspelt key cannot ship.
 *
 * To move an action to a new major: read its action.yml at the new tag, then
 * change `ref`, `runtime` and `inputs` here together.
 */

export interface PinnedAction {
  /** The tag workflows must use. */
  ref: string;
  /** `runs.using` in that tag's action.yml. */
  runtime: string;
  /** The keys of `inputs` in that tag's action.yml. */
  inputs: readonly string[];
}

/** The runtime every pinned action must declare: GitHub's hosted runners retired node20. */
export const CURRENT_RUNTIME = 'node24';

export const PINNED_ACTIONS: Readonly<Record<string, PinnedAction>> = {
  'actions/checkout': {
    ref: 'v7',
    runtime: 'node24',
    inputs: [
      'repository',
      'ref',
      'token',
      'ssh-key',
      'ssh-known-hosts',
      'ssh-strict',
      'ssh-user',
      'persist-credentials',
      'path',
      'clean',
      'filter',
      'sparse-checkout',
      'sparse-checkout-cone-mode',
      'fetch-depth',
      'fetch-tags',
      'show-progress',
      'lfs',
      'submodules',
      'set-safe-directory',
      'github-server-url',
      'allow-unsafe-pr-checkout',
    ],
  },
  'actions/setup-node': {
    ref: 'v7',
    runtime: 'node24',
    inputs: [
      'node-version',
      'node-version-file',
      'architecture',
      'check-latest',
      'registry-url',
      'scope',
      'token',
      'cache',
      'package-manager-cache',
      'cache-dependency-path',
      'mirror',
      'mirror-token',
    ],
  },
  'actions/upload-artifact': {
    ref: 'v7',
    runtime: 'node24',
    inputs: [
      'name',
      'path',
      'if-no-files-found',
      'retention-days',
      'compression-level',
      'overwrite',
      'include-hidden-files',
      'archive',
    ],
  },
  'actions/download-artifact': {
    ref: 'v8',
    runtime: 'node24',
    inputs: [
      'name',
      'artifact-ids',
      'path',
      'pattern',
      'merge-multiple',
      'github-token',
      'repository',
      'run-id',
      'skip-decompress',
      'digest-mismatch',
    ],
  },
  'actions/cache': {
    ref: 'v5',
    runtime: 'node24',
    inputs: [
      'path',
      'key',
      'restore-keys',
      'upload-chunk-size',
      'enableCrossOsArchive',
      'fail-on-cache-miss',
      'lookup-only',
      'save-always',
    ],
  },
};

/** The Node major every workflow's `actions/setup-node` installs: the one the grader's CI tests first. */
export const WORKFLOW_NODE_VERSION = 24;
