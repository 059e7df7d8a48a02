// process.stdin read to the end in flowing mode and by async iteration.
let total = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => { total += c; });
process.stdin.on('end', () => console.log('got', total.length, JSON.stringify(total)));
