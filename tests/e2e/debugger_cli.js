'use strict';
// `<runtime> inspect`: a whole debugging session on child/debuggee.js, driven over the CLI's
// standard input. After each command only what the CLI itself printed is kept: the program's
// own lines ("< …", which arrive whenever its pipes deliver them), prompts and frames inside
// the runtime differ in timing or between runtimes and are left out.

const { spawn } = require('child_process');

const cli = spawn(process.execPath, ['inspect', '--port=0', 'child/debuggee.js'], {
  cwd: __dirname,
  env: { ...process.env, NODE_INSPECT_RESUME_ON_START: '' },
});
let output = '';
let waiter = null;
cli.stdout.setEncoding('utf8');
cli.stderr.setEncoding('utf8');
const onData = (chunk) => {
  output += chunk;
  if (waiter !== null) waiter();
};
cli.stdout.on('data', onData);
cli.stderr.on('data', onData);

// eslint-disable-next-line no-control-regex
const clean = (text) => text.replace(/\u0008/g, '');

function waitFor(pattern) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${output}`)), 20000);
    waiter = () => {
      if (pattern.test(clean(output))) {
        waiter = null;
        clearTimeout(timer);
        resolve();
      }
    };
    waiter();
  });
}

function show(title, only) {
  console.log(`--- ${title}`);
  for (let line of clean(output).split('\n')) {
    if (only !== undefined && !only.test(line)) continue;
    while (line.startsWith('debug> ')) line = line.slice('debug> '.length);
    if (line === '' || line === 'debug>' || line.startsWith('< ') || line === '<') continue;
    if (line.includes('node:internal') || line.includes('node:')) continue;
    console.log(line);
  }
}

// Types `line` and waits for the CLI to have printed `until` and a prompt after it.
// Only lines matching `only` are shown when it is given.
async function run(line, until, only) {
  output = '';
  cli.stdin.write(`${line}\n`);
  await waitFor(new RegExp(`${until.source}[\\s\\S]*debug> $`));
  show(line, only);
}

(async () => {
  await waitFor(/Break on start in [\s\S]*debug> $/);
  output = output.slice(output.indexOf('Break on start'));
  show('start');
  await run('n', /break in/);
  await run('sb(4)', /> 4/);
  await run('breakpoints', /#0/);
  await run('watch("x")', /(?:)/);
  await run('watch("typeof n")', /(?:)/);
  await run('c', /break in/);
  await run('bt', /#1/);
  await run('exec [n, result, { n }]', /\]/);
  await run('p n * 10', /10/);
  await run('list(1)', /> 4/);
  await run('unwatch(1)', /(?:)/);
  await run('watchers', /0: x/);
  await run('cb("debuggee.js", 4)', /(?:)/);
  await run('breakpoints', /No breakpoints yet/);
  await run('cb("debuggee.js", 4)', /Could not find breakpoint/);
  await run('setContextLineNumber(0)', /ERR_OUT_OF_RANGE/, /ERR_OUT_OF_RANGE\]:/);
  await run('exec nope', /nope/, /^ReferenceError/);
  output = '';
  cli.stdin.write('c\n');
  await waitFor(/Waiting for the debugger to disconnect/);
  console.log('--- c: the program ran to its end');
  cli.on('exit', (code) => console.log('--- .exit: the CLI exited with', code));
  cli.stdin.end('.exit\n');
})();
