const util = require('util');
console.log(util.inspect({ 'a-b': 1, 'c d': 2, '1': 3, _ok: 4, $dollar: 5, ok2: 6 }));
console.log(util.inspect({ "it's": 1, 'say "hi"': 2, '': 3 }));
console.log(util.inspect({ 'ünïcode': 1, '日本': 2 }));
console.log(util.inspect({ ['__proto__']: 'own proto key' }));
console.log(util.inspect({ 10: 'a', 2: 'b', x: 'c' }));
console.log(util.inspect({ 'new\nline': 1, 'tab\t': 2 }));
