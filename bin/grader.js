#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the grader needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../grader/cli/main.ts');
