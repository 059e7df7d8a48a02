const util = require('util');
console.log(util.format('%%', 1));
console.log(util.format('%% %s', 'x'));
console.log(util.format('%%s', 'a'));
console.log(util.format('%%%s', 'a'));
console.log(util.format('%s%', 'a'));
console.log(util.format('100%% sure'));
console.log(util.format('%%d %d', 5));
