'use strict';
// --prof writes a V8 tick log; --prof-process summarises it (the sections and the summary's
// rows, the hot function among the JavaScript ticks) or, with --preprocess, prints it as JSON.
// Counts and names of internals differ between runtimes: only the shape is compared.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prof-process-'));
const hot = 'function hotLoop(n) { let s = 0; for (let i = 0; i < n; i++) s += Math.sqrt(i) % 7; ' +
  'return s; } let t = 0; for (let k = 0; k < 40; k++) t += hotLoop(1e6); console.log(t > 0);';
const prof = spawnSync(process.execPath, ['--prof', '-e', hot], { cwd: dir, encoding: 'utf8' });
console.log('profiled:', prof.status, prof.stdout.trim());
const log = fs.readdirSync(dir).find((f) => /^isolate-.*-v8\.log$/.test(f));
console.log('log written:', log !== undefined);

const summary = spawnSync(process.execPath, ['--prof-process', log],
                          { cwd: dir, encoding: 'utf8', maxBuffer: Infinity });
console.log('summary status:', summary.status);
const lines = summary.stdout.split('\n');
console.log('header:',
            /^Statistical profiling result from isolate-.*-v8\.log, \(\d+ ticks, \d+ unaccounted, 0 excluded\)\.$/
              .test(lines[0]));
console.log('sections:', lines.filter((l) => /^ \[.+\]:$/.test(l)).map((l) => l.trim()).join(' '));
const sectionOf = (name) => {
  const start = lines.indexOf(` [${name}]:`);
  const end = lines.indexOf('', start + 2);
  return lines.slice(start + 2, end === -1 ? undefined : end);
};
console.log('summary rows:', sectionOf('Summary').map((l) => l.replace(/^ *\d+ +[\d.]+% +([\d.]+% +)?/, '')).join(', '));
console.log('hot function among JavaScript ticks:',
            sectionOf('JavaScript').some((l) => /JS: \S*hotLoop \[eval\]:1:1/.test(l)));

const pre = spawnSync(process.execPath, ['--prof-process', '--preprocess', log],
                      { cwd: dir, encoding: 'utf8', maxBuffer: Infinity });
const json = JSON.parse(pre.stdout);
console.log('preprocess keys:', Object.keys(json).join(' '));
console.log('ticks resolved:', json.ticks.length > 0 &&
            json.ticks.every((t) => typeof t.tm === 'number' && Array.isArray(t.s)));

const missing = spawnSync(process.execPath, ['--prof-process', 'nope.log'], { cwd: dir, encoding: 'utf8' });
console.log('missing log:', missing.status, missing.stderr.trim());
fs.rmSync(dir, { recursive: true, force: true });
