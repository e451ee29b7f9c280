// Bundles the CLI, the language server and the VS Code extension into dist/.
// unified and remark are ESM-only; the CLI and server are ESM bundles (the package is
// "type": "module"), the extension is CommonJS for VS Code's extension host.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// The gazetteer needs five fields of each country; slim the 1.4 MB data file at bundle time.
const slimCountries = {
  name: 'slim-world-countries',
  setup(build) {
    build.onLoad({ filter: /world-countries[\\/]countries\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const countries = JSON.parse(await readFile(args.path, 'utf8'));
      const slim = countries.map((c) => ({
        name: { common: c.name.common, official: c.name.official },
        cca3: c.cca3,
        independent: c.independent,
        unMember: c.unMember,
        status: c.status,
        capital: c.capital,
        altSpellings: c.altSpellings,
        demonyms: { eng: c.demonyms?.eng },
      }));
      return { contents: JSON.stringify(slim), loader: 'json' };
    });
  },
};

// ESM bundles of CommonJS dependencies need `require` for Node built-ins.
const requireShim = "import { createRequire as __tradecraftCreateRequire } from 'node:module'; const require = __tradecraftCreateRequire(import.meta.url);";

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [slimCountries],
  mainFields: ['module', 'main'],
};

const builds = [
  { ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', format: 'esm', banner: { js: requireShim } },
  { ...common, entryPoints: { server: 'server/src/server/main.ts' }, outdir: 'dist', format: 'esm', banner: { js: requireShim } },
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', format: 'cjs', outExtension: { '.js': '.cjs' }, external: ['vscode'] },
];

const existing = [];
const { existsSync } = await import('node:fs');
for (const options of builds) {
  const entry = Object.values(options.entryPoints)[0];
  if (existsSync(entry)) existing.push(options);
}

if (watch) {
  for (const options of existing) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(existing.map((options) => esbuild.build(options)));
}
