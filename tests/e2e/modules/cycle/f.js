const e = require('./e');
module.exports = { eKeys: Object.keys(e), eProp: e.absent };
