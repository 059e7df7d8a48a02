// vm's breakOnSigint: a SIGINT stops a script that never returns with Node's
// ERR_SCRIPT_EXECUTION_INTERRUPTED error (also nested, and in a context, whose globals
// still reach the sandbox); short runs are not disturbed, exceptions and process.exit pass through,
// and a SIGINT listener is back in place afterwards. Then a REPL (-i over a pipe) whose
// runaway entry is interrupted by SIGINT carries on with the next one.
const vm = require('vm');
const { spawn } = require('child_process');

function sigintSoon() {
  spawn('sh', ['-c', `sleep 0.3; kill -INT ${process.pid}`]);
}

sigintSoon();
try {
  vm.runInThisContext('while (true);', { breakOnSigint: true });
} catch (e) {
  console.log('interrupted', e.code, e.name, e.message, Object.keys(e), e.stack.split('\n')[1].trim().split(' (')[0]);
}
globalThis.vm = vm;
sigintSoon();
try {
  vm.runInThisContext('vm.runInThisContext("1", { breakOnSigint: true }); for (;;);', { breakOnSigint: true });
} catch (e) {
  console.log('nested: the outer run is interrupted', e.code);
}
const ctx = vm.createContext({ n: 0 });
sigintSoon();
try {
  new vm.Script('globalThis.seen = true; for (;;) n++;').runInContext(ctx, { breakOnSigint: true });
} catch (e) {
  console.log('context', e.code, ctx.n > 0, ctx.seen);
}
let sum = 0;
for (let i = 0; i < 5000; i++) sum += vm.runInThisContext('1', { breakOnSigint: true });
console.log('short runs', sum);
try {
  vm.runInThisContext('throw new TypeError("boom")', { breakOnSigint: true });
} catch (e) {
  console.log('exception passes', e.name, e.message);
}
try {
  vm.runInThisContext('1', { breakOnSigint: 'yes' });
} catch (e) {
  console.log('bad option', e.code);
}

// vm's timeout stops a run the same way: the innermost run whose time is up throws.
for (const [outer, inner] of [[5000, 50], [100, 5000]]) {
  const context = vm.createContext({
    runInner: () => vm.runInContext('while (true);', context, { timeout: inner }),
  });
  try {
    vm.runInContext('runInner()', context, { timeout: outer });
  } catch (e) {
    console.log('timeout', outer, inner, e.code, e.message, Object.keys(e));
  }
}
console.log('in time', vm.runInThisContext('6 * 7', { timeout: 1000, breakOnSigint: true }));

const repl = spawn(process.execPath, ['-i'], { stdio: ['pipe', 'pipe', 'inherit'] });
let out = '';
let interrupted = false;
repl.stdout.setEncoding('utf8');
repl.stdout.on('data', (d) => {
  out += d;
  // The entry says (synchronously) that it is about to loop: SIGINT then finds it running.
  if (!interrupted && out.includes('looping')) {
    interrupted = true;
    setTimeout(() => {
      repl.kill('SIGINT');
      repl.stdin.end('counter > 0\n"still here"\n');
    }, 100);
  }
});
repl.stdin.write('let counter = 0\nrequire("fs").writeSync(1, "looping\\n"); while (true) { counter++ }\n');
repl.on('close', (code, signal) => {
  const lines = out.split('\n').filter((l) => !/^\s+at /.test(l));
  console.log(lines.join('\n'));
  console.log('repl exit', code, signal);

  const code2 = 'process.on("SIGINT", () => { console.log("listener"); process.exit(4) });' +
    'require("vm").runInThisContext("1", { breakOnSigint: true });' +
    'process.kill(process.pid, "SIGINT"); setTimeout(() => {}, 5000);';
  const c = spawn(process.execPath, ['-e', code2], { stdio: ['ignore', 'inherit', 'inherit'] });
  c.on('close', (code3) => {
    console.log('listener kept', code3);
    const c2 = spawn(process.execPath, ['-e', 'require("vm").runInThisContext("process.exit(3)", { breakOnSigint: true })']);
    c2.on('close', (code4) => {
      console.log('process.exit passes', code4);
      // The SIGINT listeners sit a breakable run out and come back after it, even one the
      // run removed (as in Node).
      const code5 = 'globalThis.h = () => console.log("listener back"); process.on("SIGINT", h);' +
        'require("vm").runInThisContext("process.off(\'SIGINT\', h); process.listenerCount(\'SIGINT\')",' +
        ' { breakOnSigint: true }); process.kill(process.pid, "SIGINT"); setTimeout(() => {}, 300);';
      const c3 = spawn(process.execPath, ['-e', code5], { stdio: ['ignore', 'inherit', 'inherit'] });
      c3.on('close', (code6, sig6) => console.log('listeners restored', code6, sig6));
    });
  });
});
