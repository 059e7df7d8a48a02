// A child's stdin is destroyed when the child exits (before 'exit'), as in Node: its 'close'
// comes and stream.finished() settles (premature close), which execa and others wait for.
const { spawn } = require('child_process');
const { finished } = require('stream/promises');
const events = [];
const child = spawn(process.execPath, ['-e', 'console.log("hi")']);
child.on('exit', (code) => events.push(`exit ${code} stdin destroyed=${child.stdin.destroyed}`));
child.on('close', (code) => events.push(`close ${code}`));
for (const name of ['stdin', 'stdout', 'stderr']) {
  child[name].on('close', () => events.push(`${name} close`));
  finished(child[name]).then(() => events.push(`${name} finished`),
    (err) => events.push(`${name} finished with ${err.code}`));
}
child.stdout.resume();
process.on('exit', () => console.log(events.sort().join('\n')));
