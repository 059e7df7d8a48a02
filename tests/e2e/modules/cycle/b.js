const a = require('./a');
exports.seen = { early: a.early, late: a.late };
exports.done = true;
