#!/usr/bin/env node
// Stops an npm script on a Node.js older than package.json's engines.node, with one line saying how to get it.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const wanted = Number(/>=\s*(\d+)/.exec(require(join(root, 'package.json')).engines.node)[1]);
const current = Number(process.versions.node.split('.')[0]);
if (current < wanted) {
  const exact = readFileSync(join(root, '.node-version'), 'utf8').trim();
  process.stderr.write(
    `partnerhub needs Node.js >= ${wanted} (this is ${process.version}): run \`source scripts/use-node.sh\` (fetches Node ${exact} from the npm registry) or install it with nvm/fnm (.nvmrc)\n`,
  );
  process.exit(1);
}
