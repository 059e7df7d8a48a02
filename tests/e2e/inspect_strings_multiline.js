const util = require('util');
const ml = 'first line of the text\nsecond line of the text\nthird line of the text';
console.log(util.inspect(ml));
console.log(util.inspect({ ml }));
console.log(util.inspect([[ml]]));
console.log(util.inspect('short\nml'));
console.log(util.inspect('x'.repeat(100)));
console.log(util.inspect({ long: 'word '.repeat(25) }));
console.log(util.inspect('trailing newline at end of a long string here, yes indeed\n'));
