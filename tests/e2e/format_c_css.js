const util = require('util');
console.log(util.format('%cstyled', 'color: red'));
console.log(util.format('a%cb%cc', 'css1', 'css2'));
console.log(util.format('%c', 'x', 'extra'));
console.log(util.format('%c%s', 'ignored', 'shown'));
