const util = require('util');
console.log(util.format('%j', { a: [1, 2], b: 'x' }));
const circ = { a: 1 }; circ.self = circ;
console.log(util.format('%j', circ));
console.log(util.format('%j', undefined), util.format('%j', 'str'), util.format('%j', null));
console.log(util.format('%j', { toJSON() { return 'fromToJSON'; } }));
console.log(util.format('%j', [new Date(0)]));
