/**
 * Where in a student's file an annotation should point. A failing `mul` case
 * is most useful as a mark on the line that defines `mul`, so the pull
 * request shows it next to the code to fix. Students may restructure the
 * class freely, so this is a best effort over the text: the first line that
 * defines the name as a method, a property or a prototype assignment. No
 * match means a file-level annotation, never a guess.
 */

import { BONUS_METHODS, RULE_METHODS, STUDENT_FILES, VALUE_METHODS } from '../../course/student-contract.ts';

const MANUAL = STUDENT_FILES.manual;
const ANCHORS = [...VALUE_METHODS, ...BONUS_METHODS, MANUAL.export, ...MANUAL.bonusExports] as const;
export type Anchor = (typeof ANCHORS)[number];

/** 1-based line of each anchor that the source defines. */
export function anchorLines(source: string): Partial<Record<Anchor, number>> {
  const found: Partial<Record<Anchor, number>> = {};
  const lines = source.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const code = line.trimStart();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
    for (const name of ANCHORS) {
      if (found[name] !== undefined) continue;
      if (definesName(code, name)) found[name] = i + 1;
    }
  });
  return found;
}

function definesName(code: string, name: string): boolean {
  const method = new RegExp(
    `^(?:(?:public|private|protected|static|async|override)\\s+)*${name}\\s*(?:<[^>]*>)?\\s*\\(`,
  );
  const property = new RegExp(`^(?:(?:public|readonly|static)\\s+)*${name}\\s*(?::[^=]*)?=`);
  const declared = new RegExp(`^(?:export\\s+)?(?:const|let|var|function)\\s+${name}\\b`);
  const prototype = new RegExp(`\\.prototype\\.${name}\\s*=`);
  return method.test(code) || property.test(code) || declared.test(code) || prototype.test(code);
}

/** Which file and definition a case's exercise is about; bonus ops name their op in the case id. */
export function anchorFor(exercise: string, caseId: string): { module: 'engine' | 'manual'; anchor?: Anchor } {
  if (exercise === 'manual') return { module: 'manual', anchor: MANUAL.export };
  if ((MANUAL.bonusExports as readonly string[]).includes(exercise))
    return { module: 'manual', anchor: exercise as Anchor };
  if ((RULE_METHODS as readonly string[]).includes(exercise)) return { module: 'engine', anchor: exercise as Anchor };
  const op = new RegExp(`^bonus-(${BONUS_METHODS.join('|')})$`).exec(caseId)?.[1] as Anchor | undefined;
  return { module: 'engine', anchor: op };
}
