// process.stdin as a Readable and readline over it: lines (CRLF too), async iteration, question().
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const lines = [];
rl.on('line', (l) => lines.push(l));
rl.on('close', () => {
  console.log('lines', JSON.stringify(lines));
  (async () => {
    const { Readable } = require('stream');
    const rl2 = readline.createInterface({ input: Readable.from(['a\nb', '\r\nc\n', 'd']) });
    const got = [];
    for await (const line of rl2) got.push(line);
    console.log('iter', JSON.stringify(got));
    const rl3 = require('readline/promises').createInterface({ input: Readable.from(['yes\n']), output: process.stdout });
    const answer = await rl3.question('ok? ');
    console.log('\nanswer', answer);
    rl3.close();
  })();
});
