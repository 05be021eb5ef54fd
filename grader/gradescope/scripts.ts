/**
 * The two scripts Gradescope runs: setup.sh once when it builds the image
 * (as root, on Ubuntu), run_autograder once per submission from /autograder.
 * run_autograder reads its three paths from GRADELAB_SOURCE,
 * GRADELAB_SUBMISSION and GRADELAB_RESULTS, defaulting to Gradescope's, so
 * the very script that ships can be run against a local copy of the layout.
 */

/** The Node major the bundle is tested with (the grader's own CI runs on it). */
export const NODE_MAJOR = 24;

export function setupScript(): string {
  return `#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
set -euo pipefail
SOURCE="\${GRADELAB_SOURCE:-/autograder/source}"
NODE_MAJOR=${NODE_MAJOR}

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt "$NODE_MAJOR" ]; then
  apt-get update
  apt-get install -y ca-certificates curl gnupg
  # NodeSource carries current Node $NODE_MAJOR; Ubuntu's own nodejs package is older on most images.
  if curl -fsSL "https://deb.nodesource.com/setup_\${NODE_MAJOR}.x" | bash -; then
    apt-get install -y nodejs
  else
    echo "NodeSource was not reachable; trying the distribution's nodejs package" >&2
    apt-get install -y nodejs npm
  fi
fi
if [ "$(node_major)" -lt "$NODE_MAJOR" ]; then
  echo "gradelab needs Node $NODE_MAJOR or newer, found $(node --version 2>/dev/null || echo none)" >&2
  exit 1
fi

# isolated-vm (the sandbox) ships prebuilt binaries for Linux x64 and arm64
# inside its npm package, so nothing is compiled here.
cd "$SOURCE"
npm ci --omit=dev --no-audit --no-fund
node bin/grader.js --version
`;
}

/** `assignment`: the id of course.json's assignment to grade, checked against `^[a-z][a-z0-9-]*$` by the catalogue. */
export function runAutograderScript(assignment?: string): string {
  const assignmentLine =
    assignment === undefined ? '' : `args+=(--assignment ${assignment.replace(/[^a-z0-9-]/g, '')})\n`;
  return `#!/usr/bin/env bash
# Gradescope runs this once per submission. The student's files are in the
# submission folder; the grader writes results.json, which Gradescope reads.
# Exit status: 0 when grading ran, whatever the score; 2 when the grader itself
# failed, and then Gradescope reports that the autograder did not finish.
set -euo pipefail
SOURCE="\${GRADELAB_SOURCE:-/autograder/source}"
SUBMISSION="\${GRADELAB_SUBMISSION:-/autograder/submission}"
RESULTS="\${GRADELAB_RESULTS:-/autograder/results/results.json}"

mkdir -p "$(dirname "$RESULTS")"
args=(gradescope run --submission "$SUBMISSION" --results "$RESULTS")
if [ -f "$SOURCE/grading.json" ]; then args+=(--config "$SOURCE/grading.json"); fi
${assignmentLine}METADATA="$(dirname "$SUBMISSION")/submission_metadata.json"
if [ -f "$METADATA" ]; then args+=(--metadata "$METADATA"); fi

exec node "$SOURCE/bin/grader.js" "\${args[@]}"
`;
}
