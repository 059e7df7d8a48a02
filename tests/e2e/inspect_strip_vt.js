const util = require('util');
console.log(util.stripVTControlCharacters('\x1b[31mred\x1b[39m plain'));
console.log(util.stripVTControlCharacters('\x1b]8;;http://example.com\x07link\x1b]8;;\x07'));
console.log(util.stripVTControlCharacters(util.inspect({ a: 1, b: 'x' }, { colors: true })));
try { util.stripVTControlCharacters(1); } catch (e) { console.log(e.name, e.code, e.message); }
