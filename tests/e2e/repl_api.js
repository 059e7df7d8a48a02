// node:repl's API over plain streams: options, defineCommand, displayPrompt, context, events.
const repl = require('repl');
const { PassThrough } = require('stream');

console.log(typeof repl.start, typeof repl.REPLServer, typeof repl.Recoverable);
console.log(typeof repl.REPL_MODE_SLOPPY, typeof repl.REPL_MODE_STRICT);
console.log(repl.builtinModules.includes('fs'), repl.builtinModules.includes('repl'));

const input = new PassThrough();
const output = new PassThrough();
let written = '';
output.setEncoding('utf8');
output.on('data', (chunk) => { written += chunk; });

const r = repl.start({
  prompt: '$ ',
  input,
  output,
  ignoreUndefined: true,
  writer: (value) => `<${typeof value}> ${String(value)}`,
});
console.log(r instanceof repl.REPLServer, r.terminal, r.useColors, r.useGlobal,
  r.ignoreUndefined, r.replMode === repl.REPL_MODE_SLOPPY, r.getPrompt());

r.defineCommand('greet', {
  help: 'Say hello',
  action(name) {
    this.clearBufferedCommand();
    this.output.write(`hello, ${name || 'nobody'}\n`);
    this.displayPrompt();
  },
});
r.defineCommand('plain', function plain() {
  this.output.write('plain command\n');
  this.displayPrompt();
});
r.context.shared = 21;
r.on('reset', (context) => {
  console.log('reset, same context:', context === r.context, 'shared:', context.shared);
  context.shared = 'after reset';
});
r.on('exit', () => {
  console.log(written);
  console.log('exit');
});

input.write('shared * 2\n');
input.write('undefined\n');
input.write('var hidden\n');
input.write('.greet world\n');
input.write('.plain\n');
input.write('.help\n');
input.write('.clear\n');
input.write('shared\n');
input.write('let declared = 1\n');
input.write('declared\n');
input.end();
