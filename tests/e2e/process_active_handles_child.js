'use strict';
// process._getActiveHandles() / getActiveResourcesInfo() list a child process (Node's
// ProcessWrap) while it runs and is ref'd, and until its handle closes after the exit; an IPC
// channel to a forked child is listed too (PipeWrap).
const { spawn, fork } = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', () => process.disconnect());
  return;
}

const names = () => process._getActiveHandles().map((h) => h.constructor.name);
const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 50)'], { stdio: 'ignore' });
console.log('spawned', process.getActiveResourcesInfo(), names());
console.log('listed is the child', process._getActiveHandles()[0] === child);
child.unref();
console.log('unref', process.getActiveResourcesInfo());
child.ref();
console.log('ref', process.getActiveResourcesInfo());
child.on('exit', (code) => {
  console.log('exit', code, process.getActiveResourcesInfo());
  setTimeout(() => {
    console.log('after close', process.getActiveResourcesInfo());
    const forked = fork(__filename, ['child'], { stdio: 'ignore' });
    console.log('forked', process.getActiveResourcesInfo());
    forked.send('bye');
    forked.on('exit', () => {
      setTimeout(() => console.log('forked gone', process.getActiveResourcesInfo()), 30);
    });
  }, 30);
});
