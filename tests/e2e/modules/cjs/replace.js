exports.a = 1;
module.exports = function replaced() {};
exports.c = 3;
