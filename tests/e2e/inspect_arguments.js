const util = require('util');
function args() { return arguments; }
console.log(util.inspect(args(1, 'two', { three: 3 })));
console.log(util.inspect(args()));
console.log(util.inspect({ a: args(1) }));
