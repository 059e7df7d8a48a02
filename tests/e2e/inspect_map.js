const util = require('util');
console.log(util.inspect(new Map()));
console.log(util.inspect(new Map([[1, 'one'], ['two', 2]])));
console.log(util.inspect(new Map([[{ k: 1 }, [1, 2]], [[3], new Map([[4, 5]])]])));
const m = new Map([['a', 1]]); m.prop = true;
console.log(util.inspect(m));
console.log(util.inspect(new Map([['aaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbb'], ['cccccccccccccccccccccc', 'dddddddddddddddddddddd']])));
console.log(util.inspect(new Map([['a', new Map([['b', new Map([['c', new Map()]])]])]])));
