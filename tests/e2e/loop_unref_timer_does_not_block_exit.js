// An unref'd timer must not keep the process waiting once the last ref'd handle is gone, even
// when that handle is closed in the same loop iteration that would otherwise wait for it.
const keepAlive = setInterval(() => {}, 1000);
const longUnref = setTimeout(() => console.log('never'), 100000);
longUnref.unref();
setTimeout(() => {
  clearInterval(keepAlive);
  console.log('cleared; exiting now', longUnref.hasRef());
}, 20);
process.on('exit', (code) => console.log('exit', code));
