// A REPL with its own eval: results, errors and Recoverable (continued lines) from the callback.
const repl = require('repl');
const { PassThrough } = require('stream');

const input = new PassThrough();
const output = new PassThrough();
let written = '';
output.setEncoding('utf8');
output.on('data', (chunk) => { written += chunk; });

const seen = [];
const r = repl.start({
  prompt: '# ',
  input,
  output,
  eval(code, context, filename, callback) {
    seen.push(JSON.stringify(code));
    const text = code.trim();
    if (text.endsWith('\\')) return callback(new repl.Recoverable(new SyntaxError('more')));
    if (text === 'fail') return callback(new Error('custom failure'));
    callback(null, text.split('').reverse().join(''));
  },
});
r.on('exit', () => {
  console.log(written);
  console.log(seen.join('\n'));
});
input.end('hello\none \\\ntwo\nfail\n.break\nlast\n');
