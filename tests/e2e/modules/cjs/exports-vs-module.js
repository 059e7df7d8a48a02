exports.a = 1;
module.exports.b = 2;
exports = { lost: true };
