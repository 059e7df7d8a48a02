exports.a = 1;
module.exports.b = 'two';
Object.defineProperty(exports, 'c', { value: 3, enumerable: true });
exports['d-e'] = 4;
