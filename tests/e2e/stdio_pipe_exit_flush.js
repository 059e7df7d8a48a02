// Writes to a stdout pipe are asynchronous but never lost: a child that writes far more than a
// pipe holds and then calls process.exit() (after setBlocking, as CLI tools do, and without it
// for writes that fit) delivers every byte, in order; so does one that just ends.
const { spawn } = require('child_process');

const cases = {
  // Several MB through a blocking pipe, then exit at once.
  blocking: `process.stdout._handle.setBlocking(true);
    const line = 'x'.repeat(99) + '\\n';
    for (let i = 0; i < 50000; i++) process.stdout.write(line);
    process.exit(0);`,
  // A large buffer with no exit: the loop stays alive until it is written.
  natural: `process.stdout.write(Buffer.alloc(3 * 1024 * 1024, 'y'));
    process.stdout.write('end\\n', () => process.stderr.write('write callback\\n'));`,
  // Exit inside an 'exit' listener after console.log calls and a write that fits.
  exitListener: `process.on('exit', () => { console.log('in exit listener'); });
    for (let i = 0; i < 1000; i++) console.log(i);
    process.exitCode = 3;`,
  // A fatal exception after output: the output still arrives before the report.
  fatal: `for (let i = 0; i < 100; i++) console.log('line', i);
    throw new Error('boom');`,
};

function run(name) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', cases[name]]);
    let bytes = 0;
    let newlines = 0;
    let tail = '';
    let err = '';
    child.stdout.on('data', (d) => {
      bytes += d.length;
      for (const b of d) if (b === 10) newlines++;
      tail = (tail + d.toString('latin1')).slice(-20);
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (code) => {
      const firstErr = err.split('\n').find((l) => /Error|callback/.test(l));
      console.log(`${name}: code ${code} bytes ${bytes} lines ${newlines} tail ${JSON.stringify(tail)}`);
      if (firstErr) console.log(`  stderr: ${firstErr}`);
      resolve();
    });
  });
}

(async () => {
  for (const name of Object.keys(cases)) await run(name);
})();
