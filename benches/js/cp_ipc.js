// 100k small messages from a parent to a forked child, which answers once it has them all.
const { fork } = require('child_process');
const N = 100000;
if (process.argv[2] === 'child') {
  let got = 0;
  process.on('message', () => {
    if (++got === N) {
      process.send('done');
      process.disconnect();
    }
  });
} else {
  const child = fork(__filename, ['child']);
  child.on('message', () => child.disconnect());
  let sent = 0;
  (function pump() {
    // Keep the channel's queue bounded, as a real producer would.
    while (sent < N) {
      sent++;
      if (!child.send({ i: sent, s: 'x' })) {
        setImmediate(pump);
        return;
      }
    }
  })();
}
