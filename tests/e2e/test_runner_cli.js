'use strict';
// `--test`: finding test files (test/ directories, *.test.js, *_test.cjs, test-*.mjs; never
// node_modules), the spec, tap and dot reporters, --test-name-pattern, explicit files, a file
// that does not exist, and the exit code. Durations and stack frames vary, so they are masked.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const cwd = path.join(__dirname, 'test_cli');

function normalize(text) {
  const out = [];
  let inStack = false;
  for (const line of text.split('\n')) {
    // TAP's stack block: its frames name the runner's internals.
    if (/^\s*stack: \|-$/.test(line)) {
      inStack = true;
      out.push(line);
      continue;
    }
    if (inStack && /^\s+\S/.test(line) && !/^\s*\.\.\.$/.test(line)) continue;
    inStack = false;
    if (/^\s+at /.test(line)) continue;
    out.push(line
      .replace(/\(\d+(\.\d+)?ms\)/g, '(Nms)')
      .replace(/duration_ms:? [\d.]+/g, 'duration_ms N')
      .replace(/ \{$/, ''));
  }
  return out.join('\n');
}

function run(title, args) {
  const child = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  console.log(`=== ${title}: exit ${child.status}`);
  console.log(normalize(child.stdout));
  if (child.stderr !== '') console.log(`--- stderr\n${normalize(child.stderr)}`);
}

run('spec', ['--test', '--test-reporter=spec']);
run('tap (the default off a terminal)', ['--test']);
run('dot', ['--test', '--test-reporter', 'dot']);
run('name pattern', ['--test', '--test-name-pattern=/^(adds|joins)$/', 'math.test.js']);
run('one passing file', ['--test', '--test-reporter=spec', 'lib/util_test.cjs']);
run('a file not under the naming rules', ['--test', '--test-reporter=spec', 'lib/notes.js']);
run('missing file', ['--test', 'nope.test.js']);
