// 200k setTimeout(0) callbacks, all armed up front.
let n = 0;
for (let i = 0; i < 2e5; i++) setTimeout(() => { n++; }, 0);
process.on('exit', () => { if (n !== 2e5) throw new Error('wrong count'); });
