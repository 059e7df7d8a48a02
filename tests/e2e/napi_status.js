// Node-API status codes: napi/status.c calls Node-API functions with bad arguments (wrong
// types, null pointers, primitives where objects go, a throwing callback) and reports each
// status and whether a JS exception was left pending; Node's answers are the expected ones.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'napi-status-'));
const file = path.join(dir, 'status.node');
execFileSync('cc', ['-shared', '-fPIC', '-O1', '-w', '-o', file, path.join(__dirname, 'napi', 'status.c')]);
const addon = require(file);
fs.rmSync(dir, { recursive: true, force: true });

let calls = 0;
const lines = addon.run(() => {
  if (++calls % 2 === 0) throw new Error('boom');
  return 1;
});
console.log(lines.join('\n'));
