const c = require('./c');
module.exports = { sawC: c.c, missing: c.notThere };
