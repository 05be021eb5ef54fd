/**
 * Why a student file cannot be run as the course needs it, read from its
 * text before it runs: each blocker with its line and the fix. All of a
 * file's blockers are found at once, so a student fixes them in one go.
 * Only forms that cannot work are blockers (plain Node would fail on them
 * too, or the tests' `import { Value }` would find nothing); the checks that
 * depend on how the class behaves are confirmed at run time before they are
 * reported (./confirm-form.ts).
 */
import { RULE_METHODS, STUDENT_FILES } from '../course/student-contract.ts';
import type { ErrorCode } from '../errors.ts';
import { codeText } from './source-text.ts';
import { shimFor } from './shims.ts';

export type BlockerKind = 'import' | 'export' | 'method' | 'constructor';

export interface Blocker {
  kind: BlockerKind;
  code: ErrorCode;
  line: number;
  message: string;
  /** For `method`: the contract's name the class lacks. */
  method?: string;
}

/** What each student file must export, by name. */
export const REQUIRED_EXPORT = { engine: STUDENT_FILES.engine.export, manual: STUDENT_FILES.manual.export } as const;

/** Names students give the contract's methods, and what they should be. */
const OTHER_NAMES: Record<(typeof RULE_METHODS)[number], string[]> = {
  add: ['plus', 'sum', 'addition', 'adds', 'Add', '__add__'],
  mul: ['multiply', 'times', 'product', 'mult', 'multiplication', 'Mul', '__mul__'],
  tanh: ['Tanh', 'tanH', 'tan_h', 'hyperbolicTangent'],
};

/** Node modules that reach files, processes, the network, timers or the environment: refused with this reason. */
const NODE_BUILTIN =
  /^(node:)?(fs|fs\/promises|path|os|child_process|cluster|dgram|dns|http|https|http2|net|tls|process|vm|worker_threads|timers|timers\/promises|readline|stream|crypto|perf_hooks|module|v8|inspector|async_hooks|zlib|buffer|events|url|querystring|string_decoder|tty|repl|diagnostics_channel|trace_events|wasi|sqlite|test)$/;

const IMPORTS = [
  // `import type` and `export type` are erased before anything runs: they import nothing.
  /\bimport\s+(?!type\s)[\w*{}\s,$]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
  /\bimport\s*(['"])([^'"\n]+)\1/g,
  /\bexport\s+(?!type\s)[\w*{}\s,$]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
  /\b(?:require|import)\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g,
];

/** `module` is the student file's name (engine, manual, nn, ...); only imports are checked in files the contract names no single export for. */
export function scanBlockers(source: string, module: string): Blocker[] {
  const text = codeText(source);
  const { code } = text;
  const found: Blocker[] = [];
  const add = (kind: BlockerKind, offset: number, message: string, errorCode: ErrorCode = 'E_SUBMISSION_FORM') =>
    found.push({ kind, code: errorCode, line: text.lineAt(offset), message });

  const seen = new Set<number>();
  for (const pattern of IMPORTS)
    for (const m of code.matchAll(pattern)) {
      const specifier = m[2];
      if (specifier.startsWith('./') || specifier.startsWith('../') || shimFor(specifier) || seen.has(m.index))
        continue;
      seen.add(m.index);
      add('import', m.index, importMessage(specifier), 'E_SUBMISSION_IMPORT');
    }

  if (!(module in REQUIRED_EXPORT)) return found.sort((a, b) => a.line - b.line);
  const name = REQUIRED_EXPORT[module as keyof typeof REQUIRED_EXPORT];
  const spec = STUDENT_FILES[module as keyof typeof REQUIRED_EXPORT];
  const hasNamed = namedExport(name).test(code);
  const defaultExport = /\bexport\s+default\b/.exec(code);
  if (defaultExport && !hasNamed) {
    const fix = spec.fix;
    add(
      'export',
      defaultExport.index,
      `only a default export: the tests import { ${name} } by name, so write ${fix} (or add \`export { ${name} }\`)`,
    );
  }
  for (const m of code.matchAll(/\b(module\.exports|export)\s*=\s*(class\b|[A-Za-z_$][\w$]*\s*;?\s*$)/gm)) {
    if (hasNamed) break;
    const form = m[1] === 'export' ? 'export =' : 'module.exports =';
    add(
      'export',
      m.index,
      `${form} ${m[2].startsWith('class') ? 'class …' : m[2].replace(/[;\s]+$/, '')} makes the module itself the ${spec.form}, so \`import { ${name} }\` finds nothing: write \`${form} { ${name} }\``,
    );
  }

  if (module === 'engine') {
    for (const [contract, others] of Object.entries(OTHER_NAMES)) {
      if (defines(code, contract) !== undefined) continue;
      for (const other of others) {
        const at = defines(code, other);
        if (at === undefined) continue;
        add(
          'method',
          at,
          `the method is called ${other} here: the contract's names are ${RULE_METHODS.join(', ')} — rename ${other} to ${contract}`,
        );
        found[found.length - 1].method = contract;
        break;
      }
      if (!found.some((b) => b.method === contract)) {
        const fn = pattern(
          `fn:${contract}`,
          () => `(?:^|\\n)\\s*(?:export\\s+)?(?:function\\s+${contract}\\s*\\(|(?:const|let|var)\\s+${contract}\\s*=)`,
        ).exec(code);
        if (fn) {
          add(
            'method',
            fn.index + fn[0].search(/\S/),
            `${contract} is a function of its own here: the contract needs it as a method of Value, so that a.${contract}(b) works`,
          );
          found[found.length - 1].method = contract;
        }
      }
    }
    const ctor = /\bconstructor\s*\(\s*(\{|(?:public\s+|readonly\s+|private\s+)*([A-Za-z_$][\w$]*)\s*[:,)=])/.exec(
      code,
    );
    if (ctor && (ctor[1] === '{' || readsFieldOf(code, ctor.index, ctor[2]))) {
      add(
        'constructor',
        ctor.index,
        "the constructor takes an object: the contract builds a leaf as new Value(2), so take the number first, constructor(data, children = [], op = '')",
      );
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** Offset of a definition of method `name` (class method, field, prototype assignment or this.name = ...), if any. */
function defines(code: string, name: string): number | undefined {
  const escaped = name.replace(/\$/g, '\\$');
  const forms = pattern(
    `defines:${name}`,
    () =>
      `(?:^|[\\n;{}])\\s*(?:(?:public|private|protected|static|async|override|readonly)\\s+)*${escaped}\\s*(?:<[^>]*>)?\\s*(?:\\(|[:=]\\s*(?:\\(|function|async|[A-Za-z_$][\\w$]*\\s*=>))|\\.prototype\\.${escaped}\\s*=|\\bthis\\.${escaped}\\s*=|['"]${escaped}['"]\\s*[:(]`,
  );
  const m = forms.exec(code);
  return m ? m.index + m[0].search(pattern(`name:${name}`, () => escaped)) : undefined;
}

/**
 * The patterns built from the contract's names, built once per run rather
 * than once per file: every name they are built from is the course's (the
 * contract's exports and methods, and OTHER_NAMES), never a student's, so
 * there are a few dozen at most. None has the g or y flag, so sharing one
 * carries no state from one file to the next.
 */
const patterns = new Map<string, RegExp>();

function pattern(key: string, source: () => string): RegExp {
  let built = patterns.get(key);
  if (!built) patterns.set(key, (built = new RegExp(source())));
  return built;
}

/** A named export of `name`, in any of the forms Node accepts. */
function namedExport(name: string): RegExp {
  return pattern(
    `named:${name}`,
    () =>
      `\\bexport\\s+(?:declare\\s+)?(?:abstract\\s+)?(?:class|const|let|var|function)\\s+${name}\\b|\\bexport\\s*\\{[^}]*\\b${name}\\b[^}]*\\}|\\b(?:module\\.)?exports\\.${name}\\s*=|\\b(?:module\\.exports|export)\\s*=\\s*\\{[^}]*\\b${name}\\b`,
  );
}

/** Whether the constructor's first parameter `param` is read as an object (`param.data`, `const { data } = param`). */
function readsFieldOf(code: string, at: number, param: string | undefined): boolean {
  if (!param) return false;
  const body = code.slice(at, at + 600);
  return new RegExp(`\\b${param}\\s*(?:\\.|\\?\\.)\\s*(?:data|value|children|prev)\\b|\\}\\s*=\\s*${param}\\b`).test(
    body,
  );
}

export function importMessage(specifier: string): string {
  const base = `only your own files (and node:util, node:assert) can be imported here, not '${specifier}'`;
  if (NODE_BUILTIN.test(specifier) || specifier.startsWith('node:'))
    return `${base}: it reaches files, processes, the network, timers or the environment, which graded code may not — remove the import (print with console.log)`;
  return `${base}: it is a package, and the grader runs only the files you hand in — remove the import and write what you need in your own file`;
}
