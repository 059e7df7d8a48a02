const util = require('util');
const o = {
  get num() { return 42; },
  get obj() { return { nested: [1, 2] }; },
  get nul() { return null; },
  get str() { return 'text'; },
  get throws() { throw new Error('nope'); },
  get both() { return 'b'; }, set both(v) {},
};
console.log(util.inspect(o, { getters: true }));
console.log(util.inspect(o, { getters: 'get' }));
console.log(util.inspect(o, { getters: 'set' }));
