const util = require('util');
console.log(util.inspect(async function af() {}));
console.log(util.inspect(async () => {}));
console.log(util.inspect(function* gen() {}));
console.log(util.inspect(async function* agen() {}));
console.log(util.inspect((function* () {})()));
console.log(util.inspect({ async m() {}, *g() {} }));
