// fork() with both serializations: round trips of plain values, and (advanced) Maps, Buffers,
// Dates; send callbacks; a child with no 'message' listener exits by itself; a listening child
// exits once the parent disconnects; event order spawn -> exit -> close.
const { fork } = require('child_process');
const path = require('path');
const echo = path.join(__dirname, 'child', 'ipc_echo.js');

function roundTrip(serialization, values) {
  return new Promise((resolve) => {
    const child = fork(echo, ['a1', 'a2'], { serialization });
    const events = [];
    child.on('spawn', () => events.push('spawn'));
    let i = 0;
    child.on('message', (m) => {
      console.log(serialization, 'reply', m);
      i++;
      if (i < values.length) child.send(values[i]);
      else child.disconnect();
    });
    child.on('disconnect', () => events.push('disconnect'));
    child.on('exit', (code, signal) => events.push(`exit ${code} ${signal}`));
    child.on('close', (code) => {
      // 'close' comes only when the child's side went first; here we disconnect.
      events.push(`close ${code}`);
    });
    child.send(values[0], (err) => console.log(serialization, 'first send callback', err));
    const done = setInterval(() => {
      if (events.some((e) => e.startsWith('exit'))) {
        clearInterval(done);
        console.log(serialization, 'events', events.join(', '), 'connected', child.connected);
        resolve();
      }
    }, 30);
  });
}

(async () => {
  await roundTrip('json', ['text', 42, { nested: [1, 'two', null] }, true]);
  await roundTrip('advanced', [new Map([[1, 'one'], ['k', { v: 2 }]]), Buffer.from('bytes'),
    new Date(86400000), { big: 10n, set: new Set([1, 2]) }]);

  const quiet = fork(path.join(__dirname, 'child', 'ipc_quiet.js'));
  quiet.on('message', (m) => console.log('quiet child says', m));
  quiet.on('exit', (code) => {
    console.log('quiet child exit', code);
    const q2 = fork(echo);
    q2.send('quit');
    q2.on('exit', (code2) => {
      console.log('child that stopped listening exits', code2);
      // Sending on a closed channel: the callback gets ERR_IPC_CHANNEL_CLOSED.
      q2.send('late', (err) => console.log('late send', err.code));
      try { fork(echo, { stdio: ['pipe', 'pipe', 'pipe'] }); } catch (e) { console.log(e.code); }
    });
  });
})();
