// process.stdin/stdout/stderr are the stream kinds Node picks for what fd 0/1/2 are: a net.Socket
// on a pipe, a synchronous file stream on a file (and /dev/null), never a TTY here. The harness
// gives this script pipes; a child gets files and /dev/null through the shell.
const net = require('net');
const { Writable, Readable } = require('stream');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

function describe(name, s, withName) {
  return `${name}: socket=${s instanceof net.Socket} writable=${s instanceof Writable} ` +
    `readable=${s instanceof Readable} type=${s._type} fd=${s.fd} isTTY=${s.isTTY} ` +
    `isStdio=${s._isStdio}${withName ? ` ctor=${s.constructor.name}` : ''}`;
}

function report() {
  return [
    describe('stdin', process.stdin, process.stdin instanceof net.Socket),
    describe('stdout', process.stdout, true),
    describe('stderr', process.stderr, true),
    `stdout.readable=${process.stdout.readable} stdout.writable=${process.stdout.writable}`,
    `stdin.readable=${process.stdin.readable} stdin.writable=${process.stdin.writable}`,
    `setBlocking=${typeof (process.stdout._handle && process.stdout._handle.setBlocking)}`,
    `write returns ${process.stdout.write('')}`,
  ].join('\n');
}

if (process.argv[2] === 'child') {
  process.stderr.write(`${report()}\n`);
  return;
}

console.log('-- pipes');
console.log(report());

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eddy-stdio-'));
const out = path.join(dir, 'out.txt');
const err = path.join(dir, 'err.txt');
const sh = (redirects) => {
  execFileSync('/bin/sh', ['-c', `"$0" "$1" child ${redirects}`, process.execPath, __filename],
    { env: { ...process.env, FORCE_COLOR: undefined } });
  return fs.readFileSync(err, 'utf8');
};
console.log('-- files: stdin from a file, stdout and stderr to files');
process.stdout.write(sh(`< "${__filename}" > "${out}" 2> "${err}"`));
console.log('-- /dev/null for stdin and stdout');
process.stdout.write(sh(`< /dev/null > /dev/null 2> "${err}"`));
fs.rmSync(dir, { recursive: true });
