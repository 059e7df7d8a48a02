// new URL, 1M times.
let n = 0;
for (let i = 0; i < 1e6; i++) n += new URL(`https://example.com/p/${i & 15}?q=${i & 7}#h`).pathname.length;
if (n === 0) throw new Error('unreachable');
