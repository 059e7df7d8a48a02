// Node-API: an exception thrown by JS that an addon calls from the event loop. From an async
// work completion it is an uncaught exception; from a thread-safe function's call Node 20 only
// warns (DEP0168) for modules below the experimental API version.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'napi-uncaught-'));
const file = path.join(dir, 'addon.node');
execFileSync('cc', ['-shared', '-fPIC', '-O1', '-o', file, path.join(__dirname, 'napi', 'addon.c'), '-lpthread']);
const addon = require(file);
fs.rmSync(dir, { recursive: true, force: true });

process.on('uncaughtException', (e) => console.log('uncaughtException:', e.message));
addon.callLater(() => {
  throw new Error('thrown in an async work completion');
});
setTimeout(() => {
  let calls = 0;
  globalThis.tickerDone = () => console.log('ticker done after', calls, 'calls');
  addon.startTicker(3, (n) => {
    calls++;
    if (n === 2) throw new Error('thrown in a thread-safe function call');
  });
}, 30);
