'use strict';
// Golden generation only (tests/gen_expected.py): lets Node 20 run .ts/.mts/.cts fixtures by
// stripping types with `amaro` (Node's own type stripper; AMARO_PATH points at it). Strip-only
// mode keeps positions, as Eddy does; code it rejects (enum, namespace, parameter properties)
// goes through amaro's transform mode, so fixtures using those must not print positions.
const fs = require('fs');
const { register } = require('module');
const amaro = require(process.env.AMARO_PATH);

function strip(source, filename) {
  try {
    return amaro.transformSync(source, { mode: 'strip-only', filename }).code;
  } catch {
    return amaro.transformSync(source, { mode: 'transform', filename }).code;
  }
}

for (const ext of ['.ts', '.cts']) {
  require.extensions[ext] = (module, filename) => {
    module._compile(strip(fs.readFileSync(filename, 'utf8'), filename), filename);
  };
}

const hooks = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
const amaro = createRequire(${JSON.stringify(__filename)})(${JSON.stringify(process.env.AMARO_PATH)});
function strip(source, filename) {
  try { return amaro.transformSync(source, { mode: 'strip-only', filename }).code; }
  catch { return amaro.transformSync(source, { mode: 'transform', filename }).code; }
}
export async function load(url, context, next) {
  if (/\\.m?ts$/.test(url) && url.startsWith('file:')) {
    const filename = fileURLToPath(url);
    if (url.endsWith('.mts') || context.format === 'module' || /^\\s*(?:import|export)\\b/m.test(readFileSync(filename, 'utf8'))) {
      return { format: 'module', source: strip(readFileSync(filename, 'utf8'), filename), shortCircuit: true };
    }
    if (url.endsWith('.ts')) {
      // CommonJS TypeScript imported from ESM: let the CommonJS loader (and the .ts
      // require hook above) load it.
      return { format: 'commonjs', shortCircuit: true };
    }
  }
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
