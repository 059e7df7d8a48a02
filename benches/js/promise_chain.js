// 1M chained promise reactions.
let p = Promise.resolve(0);
for (let i = 0; i < 1e6; i++) p = p.then((v) => v + 1);
p.then((v) => { if (v !== 1e6) throw new Error('wrong count'); });
