#!/usr/bin/env node
// Builds dist/ when it is missing or older than any source file, so `npm start`
// works straight after `npm ci` without a watch mode.
const { existsSync, statSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

require('./require-node');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', 'src', 'main.js');
const sources = ['src', 'libs', 'migrations', 'bench', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

const stale =
  !existsSync(stamp) ||
  sources.some((source) => existsSync(join(root, source)) && newestMtime(join(root, source)) > statSync(stamp).mtimeMs);

if (stale) {
  process.stderr.write('partnerhub: building dist/ ...\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
}
