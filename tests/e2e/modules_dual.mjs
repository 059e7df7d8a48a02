// A dual package: require() gets the CommonJS build, import the ES build; they are two instances.
import { createRequire } from 'node:module';
import * as esm from './modules/node_modules/dual/index.mjs';
import probe from './modules/probe-root.js';
const require = createRequire(new URL('./modules/probe-root.js', import.meta.url));
const cjs = require('dual');
const viaImport = await probe.imp('dual');
console.log(cjs.kind, viaImport.kind, viaImport === esm, cjs.bump(), cjs.bump(), viaImport.bump());
console.log(require('dual/package.json').name);
const only = await probe.imp('esm-only');
console.log(only.default('esm'), only.sepIsSlash);
