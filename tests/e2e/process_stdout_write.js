const r = process.stdout.write('no newline');
process.stdout.write(' then newline\n');
process.stdout.write(new TextEncoder().encode('bytes\n'));
process.stderr.write('to stderr\n');
console.log(r);
process.stdout.write('with callback\n', () => console.log('callback ran'));
console.log('after write');
try { process.stdout.write(5); } catch (e) { console.log(e.code); }
