exports.early = 'a-early';
const b = require('./b');
exports.late = 'a-late';
exports.fromB = b.seen;
