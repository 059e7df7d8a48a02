// stdio beyond 2: a duplex 'pipe' at fd 3 (the child talks back on it), 'ignore' and 'inherit'
// mixed; one child's stdout handed to another as stdin; 10 MB on both stdout and stderr of the
// sync and async forms without a deadlock.
const { spawn, spawnSync, execFileSync } = require('child_process');

const code = `
  const net = require('net');
  const s = new net.Socket({ fd: 3 });
  s.setEncoding('utf8');
  s.on('data', (d) => { s.end('child read ' + d.trim() + ' on fd 3'); });
`;
const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'inherit', 'inherit', 'pipe'] });
console.log('stdio length', child.stdio.length, child.stdio[0], child.stdio[1], child.stdio[2],
  typeof child.stdio[3].write, child.stdin, child.stdout);
child.stdio[3].setEncoding('utf8');
child.stdio[3].on('data', (d) => console.log('parent got:', d));
child.stdio[3].write('ping\n');
child.on('close', (c) => {
  console.log('fd3 child close', c);

  const producer = spawn('sh', ['-c', 'printf "a\\nb\\nc\\n"']);
  const consumer = spawn('wc', ['-l'], { stdio: [producer.stdout, 'pipe', 'inherit'] });
  consumer.stdout.on('data', (d) => console.log('wc -l:', String(d).trim()));
  consumer.on('close', () => {
    const big = 'const b = Buffer.alloc(10 * 1024 * 1024, 120); process.stdout.write(b); process.stderr.write(b);';
    const r = spawnSync(process.execPath, ['-e', big], { maxBuffer: 64 * 1024 * 1024 });
    console.log('spawnSync 10MB', r.status, r.stdout.length, r.stderr.length);
    const out = execFileSync(process.execPath, ['-e', big], { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
    console.log('execFileSync 10MB', out.length);
    const a = spawn(process.execPath, ['-e', big]);
    let o = 0;
    let e = 0;
    a.stdout.on('data', (d) => { o += d.length; });
    a.stderr.on('data', (d) => { e += d.length; });
    a.on('close', (c2) => console.log('spawn 10MB', c2, o, e));
  });
});
