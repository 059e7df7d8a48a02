'use strict';
// User-land startup snapshots: `--build-snapshot entry.js` writes a blob (`--snapshot-blob`),
// a process started from it sees the entry's heap, runs the deserialize callbacks and the main
// function; errors for what cannot be built or loaded.

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const v8 = require('v8');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-e2e-'));
const blob = path.join(dir, 'snap.blob');

function run(args, options = {}) {
  const child = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', ...options });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

// Outside a build: false, and the callbacks cannot be registered.
console.log('building here:', !!v8.startupSnapshot.isBuildingSnapshot());
try {
  v8.startupSnapshot.addSerializeCallback(() => {});
} catch (err) {
  console.log('add outside a build:', err.code);
}

fs.writeFileSync(path.join(dir, 'entry.js'), `
const v8 = require('node:v8');
const { startupSnapshot } = v8;
console.log('entry: building', !!startupSnapshot.isBuildingSnapshot(),
  'module', typeof module, 'exports', typeof exports, 'require', typeof require,
  'file', require('path').basename(__filename));
const state = { words: ['alpha', 'beta'], map: new Map([[1, 'one']]), bytes: Buffer.from('xyz') };
globalThis.fromSnapshot = state;
require('fs').marked = 'set while building';
startupSnapshot.addSerializeCallback((s) => { s.words.push('serialized'); }, state);
startupSnapshot.addDeserializeCallback((s) => { s.words.push('deserialized'); }, state);
startupSnapshot.setDeserializeMainFunction((s) => {
  console.log('main: building', !!startupSnapshot.isBuildingSnapshot());
  console.log('main: argv', JSON.stringify(process.argv.slice(1)));
  console.log('main: words', s.words.join(','), 'map', s.map.get(1), 'bytes', s.bytes.toString());
  console.log('main: fs', require('fs').marked, 'env', process.env.SNAPSHOT_E2E);
  setTimeout(() => console.log('main: timer fired'), 30);
}, state);
try {
  startupSnapshot.setDeserializeMainFunction(() => {});
} catch (err) {
  console.log('entry: second main', err.code);
}
try {
  startupSnapshot.addSerializeCallback('nope');
} catch (err) {
  console.log('entry: bad callback', err.code);
}
process.on('beforeExit', () => console.log('beforeExit, building', !!startupSnapshot.isBuildingSnapshot()));
`);

const built = run(['--snapshot-blob', blob, '--build-snapshot', 'entry.js']);
console.log('build:', built.status, JSON.stringify(built.stdout), 'blob', fs.existsSync(blob));

const started = run(['--snapshot-blob', blob, 'one', 'two'], {
  env: { ...process.env, SNAPSHOT_E2E: 'from this process' },
});
console.log('start:', started.status);
process.stdout.write(started.stdout);

// Without a main function, the script given runs, in the snapshot's heap.
fs.writeFileSync(path.join(dir, 'plain.js'), 'globalThis.kept = [1, 2, 3];\n');
fs.writeFileSync(path.join(dir, 'check.js'),
  "console.log('check:', globalThis.kept.join('+'), require('path').basename(process.argv[1]));\n");
const plain = path.join(dir, 'plain.blob');
console.log('build plain:', run(['--snapshot-blob', plain, '--build-snapshot', 'plain.js']).status);
const checked = run(['--snapshot-blob', plain, 'check.js']);
console.log('run script:', checked.status, JSON.stringify(checked.stdout));
const printed = run(['--snapshot-blob', plain, '-p', 'kept.length']);
console.log('run -p:', printed.status, JSON.stringify(printed.stdout));

// What cannot be built or loaded.
const missing = run(['--snapshot-blob', path.join(dir, 'missing.blob'), 'check.js']);
console.log('missing blob:', missing.status, /Cannot open/.test(missing.stderr));
const noEntry = run(['--snapshot-blob', path.join(dir, 'x.blob'), '--build-snapshot']);
console.log('no entry:', noEntry.status,
  /--build-snapshot must be used with an entry point script/.test(noEntry.stderr));
fs.writeFileSync(path.join(dir, 'user-module.js'), "require('./plain');\n");
const userModule = run(['--snapshot-blob', path.join(dir, 'y.blob'), '--build-snapshot', 'user-module.js']);
console.log('user module:', userModule.status, /Cannot find module '.\/plain'/.test(userModule.stderr),
  fs.existsSync(path.join(dir, 'y.blob')));
fs.writeFileSync(path.join(dir, 'throws.js'), "throw new Error('boom');\n");
const threw = run(['--snapshot-blob', path.join(dir, 'z.blob'), '--build-snapshot', 'throws.js']);
console.log('throws:', threw.status, /Error: boom/.test(threw.stderr), fs.existsSync(path.join(dir, 'z.blob')));

fs.rmSync(dir, { recursive: true, force: true });
