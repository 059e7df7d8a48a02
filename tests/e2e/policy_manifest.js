'use strict';
// --experimental-policy: integrity of loaded modules (SRI), dependency redirection and denial,
// scopes, onerror, --policy-integrity and the locked-down module objects, each run in a child.
const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
const write = (name, text) => fs.writeFileSync(path.join(dir, name), text);
const sri = (text) => `sha384-${crypto.createHash('sha384').update(text).digest('base64')}`;

const dep = "module.exports = 'dep';\n";
write('dep.js', dep);
write('main.js', "console.log(require('./dep.js'));\n");
write('redirect.js', "console.log(typeof require('./dep.js').inspect);\n");
write('locked.js', 'console.log(module.constructor, typeof require.main.constructor);\n' +
  "try { process.binding('fs'); } catch (e) { console.log(e.code); }\n");

function run(name, policy, main, extra = []) {
  write(`${name}.json`, JSON.stringify(policy));
  const r = spawnSync(process.execPath,
                      [...extra, '--experimental-policy', `${name}.json`, main],
                      { cwd: dir, encoding: 'utf8' });
  const codes = [...new Set(r.stderr.match(/ERR_[A-Z_]+/g) || [])];
  console.log(`${name}: status ${r.status}, stdout ${JSON.stringify(r.stdout.trim())}, ` +
              `errors ${codes.join(' ') || 'none'}`);
  return r;
}

run('allowed', {
  resources: {
    './main.js': { integrity: true, dependencies: { './dep.js': true } },
    './dep.js': { integrity: sri(dep) },
  },
}, './main.js');
const bad = run('tampered', {
  resources: {
    './main.js': { integrity: true, dependencies: true },
    './dep.js': { integrity: sri('something else') },
  },
}, './main.js');
console.log('names the real digest:', bad.stderr.includes(sri(dep)));
run('not-listed', { resources: { './main.js': { integrity: true, dependencies: true } } },
    './main.js');
run('logged', {
  onerror: 'log',
  resources: { './main.js': { integrity: true, dependencies: true } },
}, './main.js');
run('missing-dependency', {
  resources: { './main.js': { integrity: true, dependencies: {} }, './dep.js': { integrity: true } },
}, './main.js');
run('redirect-builtin', {
  resources: { './redirect.js': { integrity: true, dependencies: { './dep.js': 'node:util' } } },
}, './redirect.js');
run('scope', { scopes: { 'file:': { integrity: true, dependencies: true } } }, './main.js');
run('cascade', {
  dependencies: true,
  resources: { './main.js': { integrity: true, cascade: true }, './dep.js': { integrity: true } },
}, './main.js');
run('bad-sri', { resources: { './main.js': { integrity: 'sha384-!!' } } }, './main.js');
run('bad-pattern', {
  resources: { './main.js': { integrity: true, dependencies: { 'a*b': true } } },
}, './main.js');
run('locked', { scopes: { 'file:': { integrity: true, dependencies: true } } }, './locked.js');

const policyText = JSON.stringify({ scopes: { 'file:': { integrity: true, dependencies: true } } });
write('checked.json', policyText);
for (const integrity of [sri(policyText), sri('other')]) {
  const r = spawnSync(process.execPath, ['--policy-integrity', integrity,
                                         '--experimental-policy', 'checked.json', './main.js'],
                      { cwd: dir, encoding: 'utf8' });
  console.log(`--policy-integrity: status ${r.status}, ` +
              `errors ${[...new Set(r.stderr.match(/ERR_[A-Z_]+/g) || [])].join(' ') || 'none'}`);
}
fs.rmSync(dir, { recursive: true, force: true });
