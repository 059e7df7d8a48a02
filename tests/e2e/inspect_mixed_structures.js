const util = require('util');
const data = {
  users: Array.from({ length: 3 }, (_, i) => ({ id: i, name: 'user' + i, tags: ['a', 'b'], meta: { created: new Date(i * 1e11), active: i % 2 === 0 } })),
  index: new Map([['user0', 0], ['user1', 1]]),
  flags: new Set(['x', 'y']),
};
console.log(util.inspect(data));
console.log(util.inspect(data, { depth: Infinity }));
