/**
 * `npm run build`, after `tsc -p tsconfig.build-server.json`: moves the server's declarations from
 * .tsbuild/server-types/server/ to dist/types/server/, pointing their imports of the core
 * (`../src/core/…`, compiled with the repository as root) at the core's published declarations in
 * dist/types/core/. Fails on an import that leads anywhere else outside server/ (the test oracle,
 * say), or to a core declaration the package does not have.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const emitted = join(root, '.tsbuild/server-types');
const target = join(root, 'dist/types');

/** Every file under `dir`, recursively. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** `path` as a relative module specifier from `fromDir`, always starting with `./` or `../`. */
function specifier(fromDir, path) {
  const text = relative(fromDir, path).split(sep).join('/');
  return text.startsWith('.') ? text : `./${text}`;
}

const problems = [];
const serverDir = join(emitted, 'server');
rmSync(join(target, 'server'), { recursive: true, force: true });
for (const file of walk(serverDir).filter((f) => f.endsWith('.d.ts'))) {
  const out = join(target, 'server', relative(serverDir, file));
  const text = readFileSync(file, 'utf8').replace(/((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]*)\2/g, (whole, lead, quote, spec) => {
    const resolved = resolve(dirname(file), spec);
    if (resolved.startsWith(serverDir + sep)) return whole;
    const core = join(emitted, 'src/core') + sep;
    if (!resolved.startsWith(core)) {
      problems.push(`${relative(emitted, file)} imports ${spec}, outside server/ and the core`);
      return whole;
    }
    const published = join(target, 'core', relative(core, resolved));
    if (!existsSync(published.replace(/\.js$/, '.d.ts'))) problems.push(`${relative(target, published)} is not built`);
    return `${lead}${quote}${specifier(dirname(out), published)}${quote}`;
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
}
if (problems.length > 0) {
  process.stderr.write(`server-types: ${problems.join('; ')}\n`);
  process.exit(1);
}
