module.exports = { c: true };
const d = require('./d');
module.exports.d = d;
