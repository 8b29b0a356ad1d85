// Trunk post_build hook: cuts the app's wasm into the first-load module and on-demand chunks
// (the split points are in src/ui/chunks.rs). Trunk 0.21 cannot split (trunk#1022), so this
// redoes its last steps the way `cargo leptos --split` does them:
//   raw cargo output (linked with --emit-relocs, .cargo/config.toml)
//   → wasm-split-cli (crate wasm_split_cli_support, installed by scripts/setup.sh)
//   → wasm-bindgen --keep-lld-exports (the chunks link against the main module's symbols)
//   → wasm-opt -Oz --converge on every module, esbuild --minify on the JS
// and writes the results over Trunk's files in the staging directory, with content hashes in
// the chunk names (they are cached for a year, like Trunk's), fresh SRI hashes in index.html
// and precompressed copies of the hashed files (scripts/precompress.mjs).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { precompress } from './precompress.mjs';

// The JS of the first load, minified (esbuild): wasm-bindgen's glue is written to be read.
// Names are kept where they are the module's interface (exports, imports, properties).
const minify = (code) => transformSync(code, { format: 'esm', minify: true, target: 'es2022', legalComments: 'none' }).code;

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
if (!staging) throw new Error('split-wasm.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');

const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(source, 'target');
const raw = path.join(targetDir, 'wasm32-unknown-unknown', profile, 'swr_share.wasm');
const mainJs = fs.readdirSync(staging).find((f) => /^swr-share-[0-9a-f]+\.js$/.test(f));
if (!mainJs) throw new Error(`no swr-share-<hash>.js in ${staging}`);
const base = mainJs.slice(0, -3);

// The split points (wasm_split_helpers, Cargo.lock) and the CLI that cuts them
// (scripts/lib.sh) must speak one format, the same 0.x minor version: else stop here, loudly,
// rather than ship chunks that fail at run time.
const locked = fs.readFileSync(path.join(source, 'Cargo.lock'), 'utf8')
  .match(/name = "wasm_split_helpers"\nversion = "([^"]+)"/)?.[1];
const cli = process.env.WASM_SPLIT_VERSION
  ?? fs.readFileSync(path.join(source, 'scripts', 'lib.sh'), 'utf8').match(/^WASM_SPLIT_VERSION="([^"]+)"/m)?.[1];
const minor = (v) => v?.split('.').slice(0, 2).join('.');
if (!locked || !cli || minor(locked) !== minor(cli)) {
  throw new Error(`split-wasm: wasm_split_helpers ${locked ?? '(not in Cargo.lock)'} and the wasm-split CLI ${cli ?? '(no WASM_SPLIT_VERSION in scripts/lib.sh)'} differ in format (0.x minor); set WASM_SPLIT_VERSION in scripts/lib.sh to a CLI of the helpers' minor version and run scripts/setup.sh`);
}

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const hash = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 16);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'swr-share-split-'));
try {
  const split = path.join(work, 'split');
  run('wasm-split-cli', ['--target', 'web', '--out-name', base, raw, split]);
  const bindgen = path.join(work, 'bindgen');
  run('wasm-bindgen', [
    '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
    '--out-dir', bindgen, '--out-name', base, path.join(split, `${base}.wasm`),
  ]);
  const optimize = (from, to) => run('wasm-opt', ['-Oz', '--converge', from, '-o', to]);

  // Chunks first: the loader names them, and its own name is imported by the main JS.
  let loader = fs.readFileSync(path.join(split, '__wasm_split.js'), 'utf8');
  const chunks = [];
  for (const name of fs.readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${base}.wasm`)) {
    const tmp = path.join(work, name);
    optimize(path.join(split, name), tmp);
    const hashed = `${name.slice(0, -5)}-${hash(tmp)}.wasm`;
    fs.copyFileSync(tmp, path.join(staging, hashed));
    loader = loader.replaceAll(`"./${name}"`, `"./${hashed}"`);
    chunks.push(hashed);
  }
  const loaderFile = path.join(work, '__wasm_split.js');
  fs.writeFileSync(loaderFile, minify(loader));
  const loaderName = `__wasm_split-${hash(loaderFile)}.js`;
  fs.copyFileSync(loaderFile, path.join(staging, loaderName));

  // Only the JS import is renamed: the wasm's own import module keeps its name.
  let js = fs.readFileSync(path.join(bindgen, `${base}.js`), 'utf8');
  const imported = 'from "./__wasm_split.js"';
  if (!js.includes(imported)) throw new Error('wasm-bindgen output does not import ./__wasm_split.js');
  js = js.replaceAll(imported, `from "./${loaderName}"`);
  // wasm-bindgen's JS snippets (src/ui/trusted.rs) go into the main JS: no request of their
  // own, nothing to preload. Each module becomes an object; its imports read from it.
  let index = fs.readFileSync(path.join(staging, 'index.html'), 'utf8');
  fs.rmSync(path.join(staging, 'snippets'), { recursive: true, force: true });
  index = index.replace(/<link rel="modulepreload"[^>]*href="\.\/snippets\/[^>]*>/g, '');
  const modules = new Map();
  const snippet = (rel) => {
    if (!modules.has(rel)) {
      const file = path.join(bindgen, 'snippets', rel);
      if (!fs.existsSync(file)) throw new Error(`the main JS imports ./snippets/${rel}, which wasm-bindgen did not write`);
      const code = fs.readFileSync(file, 'utf8');
      if (/^\s*(import|export\s+(default|\{|\*|const|let|class))/m.test(code)) {
        throw new Error(`snippets/${rel}: only \`export function\` is inlined; change split-wasm.mjs for more`);
      }
      const names = [...code.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
      const id = `__snippet${modules.size}`;
      modules.set(rel, { id, code: `const ${id} = (() => {\n${code.replace(/^export function /gm, 'function ')}\nreturn { ${names.join(', ')} };\n})();\n` });
    }
    return modules.get(rel).id;
  };
  const uses = [];
  js = js.replace(/^import \* as (\w+) from ["']\.\/snippets\/([^"']+)["'];?$/gm, (_, name, rel) => {
    uses.push(`const ${name} = ${snippet(rel)};`);
    return '';
  });
  js = js.replace(/^import \{([^}]+)\} from ["']\.\/snippets\/([^"']+)["'];?$/gm, (_, names, rel) => {
    uses.push(`const {${names}} = ${snippet(rel)};`);
    return '';
  });
  if (/from ["']\.\/snippets\//.test(js)) throw new Error('the main JS still imports from ./snippets/ (an import form split-wasm.mjs does not inline)');
  js = [...modules.values()].map((m) => m.code).join('') + uses.join('\n') + '\n' + js;
  fs.writeFileSync(path.join(staging, mainJs), minify(js));
  optimize(path.join(bindgen, `${base}_bg.wasm`), path.join(staging, `${base}_bg.wasm`));

  // The loader is imported by the main JS: preload it beside it instead of after it.
  const indexFile = path.join(staging, 'index.html');
  const preload = `<link rel="modulepreload" nonce="{{__TRUNK NONCE__}}" href="./${loaderName}" crossorigin="anonymous" integrity="">`;
  index = index.replace('</head>', `${preload}</head>`);
  // Every file changed: recompute each integrity attribute from the file its href names.
  index = index.replace(/href="\.\/([^"]+)"([^>]*?)integrity="[^"]*"/g, (_, file, mid) => {
    const digest = createHash('sha384').update(fs.readFileSync(path.join(staging, file))).digest('base64');
    return `href="./${file}"${mid}integrity="sha384-${digest}"`;
  });
  fs.writeFileSync(indexFile, index);
  // Last, once every file is final (Trunk's hooks run side by side, so not a hook of its own).
  precompress(staging);
  const size = (f) => fs.statSync(path.join(staging, f)).size;
  console.log(`split-wasm: ${base}_bg.wasm ${size(`${base}_bg.wasm`)} B; chunks ${chunks.map((c) => `${c} ${size(c)} B`).join(', ')}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
