const f = require('./f');
module.exports = { e: true, f };
