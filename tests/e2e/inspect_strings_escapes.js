const util = require('util');
console.log(util.inspect('tab\there'));
console.log(util.inspect('new\nline'));
console.log(util.inspect('esc\x1b[31mred\x1b[39m'));
console.log(util.inspect('nul\x00 bell\x07 del\x7f c1\x85'));
console.log(util.inspect('back\\slash'));
console.log(util.inspect('lone \ud800 surrogate and pair \ud83d\ude00'));
console.log(util.inspect('\b\f\r\v'));
console.log(util.inspect({ 'key\nwith newline': 'v' }));
