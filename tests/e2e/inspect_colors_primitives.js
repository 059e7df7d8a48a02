const util = require('util');
const o = { colors: true };
for (const v of [1, -0, 'str', 5n, true, null, undefined, Symbol('s')]) console.log(JSON.stringify(util.inspect(v, o)));
console.log(JSON.stringify(util.inspect(new Date(0), o)), JSON.stringify(util.inspect(/re/, o)));
