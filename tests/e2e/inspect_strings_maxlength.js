const util = require('util');
console.log(util.inspect('abcdefghij', { maxStringLength: 4 }));
console.log(util.inspect('abcdefghij', { maxStringLength: 9 }));
console.log(util.inspect('abcdefghij', { maxStringLength: 0 }));
console.log(util.inspect(['abcdefghij', 'xy'], { maxStringLength: 3 }));
console.log(util.inspect('a'.repeat(10005)).length);
console.log(util.inspect('b'.repeat(20), { maxStringLength: null }));
