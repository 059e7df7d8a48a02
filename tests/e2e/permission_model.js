'use strict';
// The permission model (--experimental-permission, flags in permission_model.args.json): this
// file and what is under child/ may be read, modules/ may be written, nothing else; no child
// processes, no workers.
const fs = require('fs');
const path = require('path');

const has = (scope, ref) => console.log('has', scope, ref === undefined ? '' : ref,
  process.permission.has(scope, ref));
has('fs');
has('fs.read');
has('fs.read', __filename);
has('fs.read', path.join(__dirname, 'child', 'ipc_echo.js'));
has('fs.read', 'child/../child/ipc_echo.js');
has('fs.read', path.join(__dirname, 'child-not'));
has('fs.read', path.join(__dirname, 'child', '..', 'abort_controller.js'));
has('fs.write', path.join(__dirname, 'modules', 'x'));
has('fs.write', path.join(__dirname, 'child', 'x'));
has('fs', path.join(__dirname, 'modules'));
has('child');
has('worker');
has('no-such-scope');
try {
  process.permission.has(1);
} catch (e) {
  console.log(e.code, e.message);
}

function show(label, e) {
  if (e === null || e === undefined) {
    console.log(label, 'allowed');
  } else {
    console.log(label, e.message, e.code, e.permission, JSON.stringify(e.resource),
      Object.keys(e).join());
  }
}
function attempt(label, fn) {
  try {
    fn();
    show(label, null);
  } catch (e) {
    show(label, e);
  }
}

attempt('readFileSync(own file)', () => fs.readFileSync(__filename));
attempt('readFileSync(child/ipc_echo.js)', () => fs.readFileSync('child/ipc_echo.js'));
attempt('readFileSync(abort_controller.js)', () => fs.readFileSync('abort_controller.js'));
attempt('readFileSync(Buffer path)', () => fs.readFileSync(Buffer.from('abort_controller.js')));
attempt('statSync(/)', () => fs.statSync('/'));
attempt('readdirSync(.)', () => fs.readdirSync('.'));
attempt('existsSync(abort_controller.js)', () => fs.existsSync('abort_controller.js'));
attempt('openSync(child/ipc_echo.js, r+)', () => fs.openSync('child/ipc_echo.js', 'r+'));
attempt('writeFileSync(child/new.txt)', () => fs.writeFileSync('child/new.txt', 'x'));
attempt('mkdirSync(child/newdir)', () => fs.mkdirSync('child/newdir'));
attempt('copyFileSync(child -> child)', () => fs.copyFileSync('child/ipc_echo.js', 'child/copy.js'));
attempt('spawnSync', () => require('child_process').spawnSync('true'));
attempt('execSync', () => require('child_process').execSync('true'));
attempt('new Worker', () => new (require('worker_threads').Worker)('0', { eval: true }));

// Asynchronous forms report the denial to their callback, promise or stream.
fs.readFile('abort_controller.js', (e) => {
  show('readFile callback', e);
  fs.promises.readFile('abort_controller.js').then(() => show('promises.readFile', null), (e) => {
    show('promises.readFile', e);
    fs.createReadStream('abort_controller.js').on('error', (e) => {
      show('createReadStream', e);
      fs.exists('abort_controller.js', (found) => console.log('exists', found));
    });
  });
});
