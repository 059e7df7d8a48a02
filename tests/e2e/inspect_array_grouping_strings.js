const util = require('util');
console.log(util.inspect('the quick brown fox jumps over the lazy dog again and again'.split(' ')));
console.log(util.inspect(Array.from({ length: 20 }, (_, i) => 'item' + i)));
console.log(util.inspect(['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'ggggggg', 'hhhhhhhh']));
console.log(util.inspect(Array.from({ length: 8 }, (_, i) => 'string number ' + i)));
