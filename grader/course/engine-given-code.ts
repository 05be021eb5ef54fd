/**
 * The engine stub marks no given blocks (./given-code.ts): its given code is
 * woven around the students' rules. What it gives (the fields, the forward
 * computations, `backward()` and its helpers) must be the solution's code, or
 * the public tests would check students against a different engine than the
 * one the grader's reference runs. Compared as syntax, so comments and layout
 * may differ; the bodies of `_backward` closures (the students' work) are left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckProblem } from './check-rules.ts';

/** The stub file whose given code is compared, and what in it is given. */
const STUB = 'exercises/engine.ts';
const SOLUTION = 'solutions/engine.ts';
const GIVEN_MEMBERS = [
  'data',
  'grad',
  '_prev',
  '_op',
  'label',
  '_backward',
  'constructor',
  'add',
  'mul',
  'tanh',
  'backward',
];
const GIVEN_FUNCTIONS = ['noop', 'asValue'];

type Ts = typeof import('typescript');

export async function checkEngineGivenCode(root: string): Promise<CheckProblem[]> {
  if (!existsSync(join(root, STUB)) || !existsSync(join(root, SOLUTION))) return [];
  // Loaded on demand, as in ./compile.ts: only `check` needs the compiler.
  const ts = (await import('typescript')).default;
  const stub = givenParts(ts, root, STUB);
  const solution = givenParts(ts, root, SOLUTION);
  const problems: CheckProblem[] = [];
  for (const [name, part] of stub) {
    const theirs = solution.get(name);
    if (theirs !== undefined && theirs.text === part.text) continue;
    problems.push({
      rule: 'given',
      file: STUB,
      line: part.line,
      message:
        theirs === undefined
          ? `${name} is given in the stub but missing from ${SOLUTION}`
          : `${name} differs from ${SOLUTION} (line ${theirs.line}) outside the students' _backward rules`,
    });
  }
  for (const [name, part] of solution)
    if (!stub.has(name))
      problems.push({
        rule: 'given',
        file: SOLUTION,
        line: part.line,
        message: `${name} is missing from the stub ${STUB}`,
      });
  return problems;
}

/** Each given member and helper, printed without comments and with every `_backward` closure emptied. */
function givenParts(ts: Ts, root: string, file: string): Map<string, { text: string; line: number }> {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true);
  const printer = ts.createPrinter({ removeComments: true });
  const emptyRules = (context: import('typescript').TransformationContext) => {
    const visit = (node: import('typescript').Node): import('typescript').Node => {
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left) &&
        node.left.name.text === '_backward' &&
        ts.isArrowFunction(node.right)
      )
        return context.factory.updateBinaryExpression(
          node,
          node.left,
          node.operatorToken,
          context.factory.createArrowFunction(
            undefined,
            undefined,
            [],
            undefined,
            undefined,
            context.factory.createBlock([]),
          ),
        );
      return ts.visitEachChild(node, visit, context);
    };
    return (node: import('typescript').Node) => ts.visitNode(node, visit);
  };
  const parts = new Map<string, { text: string; line: number }>();
  const add = (name: string, node: import('typescript').Node) => {
    const [emptied] = ts.transform(node, [emptyRules]).transformed;
    const text = printer.printNode(ts.EmitHint.Unspecified, emptied, source);
    parts.set(name, { text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && GIVEN_FUNCTIONS.includes(statement.name.text))
      add(`function ${statement.name.text}`, statement);
    if (!ts.isClassDeclaration(statement) || statement.name?.text !== 'Value') continue;
    for (const member of statement.members) {
      const name = ts.isConstructorDeclaration(member)
        ? 'constructor'
        : member.name && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name))
          ? member.name.text
          : undefined;
      if (name !== undefined && GIVEN_MEMBERS.includes(name)) add(`Value.${name}`, member);
    }
  }
  return parts;
}
