'use strict';
// --experimental-sea-config: the preparation blob's bytes (Node's layout) for a main script
// with and without assets, and the configuration errors, each with its exit status.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sea-config-'));
fs.writeFileSync(path.join(dir, 'main.js'), 'console.log("hi")\n');
fs.writeFileSync(path.join(dir, 'asset.txt'), 'data');
fs.mkdirSync(path.join(dir, 'out-dir'));

function run(name, config) {
  if (config !== undefined) fs.writeFileSync(path.join(dir, name), config);
  const r = spawnSync(process.execPath, ['--experimental-sea-config', name],
                      { cwd: dir, encoding: 'utf8' });
  console.log(`${name}: status ${r.status}`);
  // V8 versions word JSON.parse's message differently: only its kind is compared.
  console.log(r.stderr.trim().split('\n').filter((l) => l !== '')
    .map((l) => l.replace(/^(SyntaxError):.*/, '$1: ...')).join('\n'));
}

run('plain.json', JSON.stringify({ main: 'main.js', output: 'plain.blob' }));
console.log(fs.readFileSync(path.join(dir, 'plain.blob')).toString('hex'));
run('assets.json', JSON.stringify({
  main: 'main.js', output: 'assets.blob', disableExperimentalSEAWarning: true,
  assets: { a: 'asset.txt' },
}));
console.log(fs.readFileSync(path.join(dir, 'assets.blob')).toString('hex'));

run('missing.json');
run('bad-json.json', '{\n"main"');
run('no-main.json', '{"output": "x.blob"}');
run('no-output.json', '{"main": "main.js"}');
run('bad-flag.json', '{"main": "main.js", "output": "x.blob", "useCodeCache": "yes"}');
run('no-script.json', '{"main": "nope.js", "output": "x.blob"}');
run('out-is-dir.json', '{"main": "main.js", "output": "out-dir"}');
run('no-asset.json', '{"main": "main.js", "output": "x.blob", "assets": {"k": "nope"}}');

fs.rmSync(dir, { recursive: true, force: true });
