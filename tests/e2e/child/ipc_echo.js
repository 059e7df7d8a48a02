// Forked by child_process_fork_ipc.js: echoes each message back with its kind, and quits when
// told to (or exits on its own once the parent disconnects, no listener left keeping it).
process.on('message', (m) => {
  if (m === 'quit') {
    process.removeAllListeners('message');
    return;
  }
  const kind = m instanceof Map ? 'Map' : Buffer.isBuffer(m) ? 'Buffer' : m instanceof Date ? 'Date' : typeof m;
  process.send({ kind, back: m, connected: process.connected, argv: process.argv.slice(2) });
});
