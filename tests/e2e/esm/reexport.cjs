module.exports = require('./dep.cjs');
