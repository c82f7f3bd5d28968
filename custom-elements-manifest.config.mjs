// @ts-check
/**
 * How `custom-elements.json` is made (`npm run analyze`): the analyzer reads the elements'
 * JSDoc, then this config curates what hosts, editors and Storybook see. The manifest lists the
 * public surface only: each element's attributes, public properties (typed with their values,
 * `'incoming' | 'outgoing'`, not the alias `Direction`), events, slots, CSS parts and custom
 * properties, and the modules that define the tags. Base classes, helpers, private and
 * protected members, styles and source-code defaults stay out.
 */

import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

/** @type {import('typescript').TypeChecker | undefined} */
let checker;

/** A literal default as written in source (`'auto'`, `250`, `false`), or `undefined` for code. */
function literalDefault(text) {
  if (text === undefined) return undefined;
  return /^('[^']*'|"[^"]*"|-?\d+(\.\d+)?|true|false|undefined|null)$/.test(text) ? text : undefined;
}

/**
 * Types properties by what they hold: a union alias becomes its members (`'day' | 'week'`).
 * @type {import('@custom-elements-manifest/analyzer').Plugin}
 */
const expandTypes = {
  name: 'msg-expand-types',
  analyzePhase({ ts, node, moduleDoc }) {
    if (!checker || !ts.isClassDeclaration(node) || !node.name) return;
    const declaration = moduleDoc.declarations?.find((item) => item.name === node.name?.getText());
    if (!declaration || !('members' in declaration)) return;
    for (const member of node.members) {
      if (!ts.isPropertyDeclaration(member) || !member.type || !member.name) continue;
      const doc = declaration.members?.find((item) => item.name === member.name.getText());
      const type = checker.getTypeFromTypeNode(member.type);
      if (!doc || !type.isUnion()) continue;
      const text = type.types
        .map((part) => checker?.typeToString(part))
        .filter((part) => part !== 'undefined')
        .join(' | ');
      doc.type = { text };
      const attribute = declaration.attributes?.find((item) => item.fieldName === doc.name);
      if (attribute) attribute.type = { text };
    }
  },
};

/**
 * Records the tags our define modules register: `defineElement('msg-report', MsgReport)` is a
 * definition of `<msg-report>` by the class its module imports.
 * @type {import('@custom-elements-manifest/analyzer').Plugin}
 */
const tagDefinitions = {
  name: 'msg-tag-definitions',
  analyzePhase({ ts, node, moduleDoc }) {
    if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
    const [tag, constructor] = node.arguments;
    if (!tag || !constructor || !ts.isStringLiteral(tag) || !ts.isIdentifier(constructor)) return;
    const source = node.getSourceFile();
    const specifier = source.statements
      .filter(ts.isImportDeclaration)
      .find((statement) => statement.importClause?.namedBindings?.getText().includes(constructor.text))?.moduleSpecifier;
    const directory = moduleDoc.path.replace(/[^/]*$/, '');
    const module =
      specifier && ts.isStringLiteral(specifier)
        ? `${directory}${specifier.text.replace(/^\.\//, '').replace(/\.js$/, '.ts')}`
        : moduleDoc.path;
    moduleDoc.exports = [
      ...(moduleDoc.exports ?? []),
      { kind: 'custom-element-definition', name: tag.text, declaration: { name: constructor.text, module } },
    ];
  },
};

/**
 * Keeps the public surface only.
 * @type {import('@custom-elements-manifest/analyzer').Plugin}
 */
const publicSurfaceOnly = {
  name: 'msg-public-surface',
  packageLinkPhase({ customElementsManifest }) {
    const modules = customElementsManifest.modules ?? [];
    const root = `${process.cwd()}/`;
    // The published file of a source module: src/elements/report/report.ts → dist/elements/report/report.js.
    const relative = (path) =>
      (path.startsWith(root) ? path.slice(root.length) : path.replace(/^\//, '')).replace(/^src\/(.*)\.ts$/, 'dist/$1.js');
    for (const module of modules) {
      module.path = relative(module.path);
      for (const item of module.exports ?? []) if (item.declaration.module) item.declaration.module = relative(item.declaration.module);
      module.declarations = (module.declarations ?? []).filter((declaration) => 'tagName' in declaration && declaration.tagName);
      for (const declaration of module.declarations) {
        if (!('members' in declaration)) continue;
        declaration.members = (declaration.members ?? []).filter(
          (member) => !member.static && !member.privacy && !member.name.startsWith('#') && !member.name.startsWith('_'),
        );
        for (const item of [...declaration.members, ...(declaration.attributes ?? [])]) {
          const kept = literalDefault(item.default);
          if (kept === undefined) delete item.default;
          if ('inheritedFrom' in item) delete item.inheritedFrom;
          delete item.resolveInitializer;
        }
        for (const list of ['events', 'cssParts', 'cssProperties', 'slots']) {
          for (const item of declaration[list] ?? []) delete item.inheritedFrom;
        }
        delete declaration.superclass;
        delete declaration.mixins;
      }
      module.exports = (module.exports ?? []).filter((item) =>
        item.kind === 'custom-element-definition'
          ? item.name.startsWith('msg-')
          : module.declarations?.some((declaration) => declaration.name === item.name),
      );
    }
    customElementsManifest.modules = modules.filter((module) => (module.declarations?.length ?? 0) + (module.exports?.length ?? 0) > 0);
  },
};

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/*.options.ts', 'src/elements/**/*.format.ts'],
  litelement: true,
  outdir: '.',
  plugins: [
    expandTypes,
    tagDefinitions,
    publicSurfaceOnly,
    // Editor data from the curated manifest: VS Code's html/css custom data, JetBrains' web-types.
    customElementVsCodePlugin({ outdir: 'dist/editors', hideLogs: true }),
    customElementJetBrainsPlugin({ outdir: 'dist/editors', hideLogs: true, modulePathTemplate: (_name, path) => path }),
  ],
  /** A TypeScript program over the same files, so that property types can be resolved. */
  overrideModuleCreation({ ts, globs }) {
    const program = ts.createProgram(globs, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      experimentalDecorators: true,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    });
    checker = program.getTypeChecker();
    // In path order: the globs come in the file system's order, which differs from one machine to
    // the next, and would reorder the manifest's modules without any change to them.
    return [...globs]
      .sort()
      .map((glob) => program.getSourceFile(glob))
      .filter((file) => file !== undefined);
  },
};
