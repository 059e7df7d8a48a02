const util = require('util');
function named() {}
console.log(util.inspect(named));
console.log(util.inspect(function () {}));
console.log(util.inspect(() => {}));
const arrow = () => {};
console.log(util.inspect(arrow));
console.log(util.inspect({ m() {} }.m));
console.log(util.inspect(named.bind(null)));
console.log(util.inspect(Math.max));
console.log(util.inspect([named, arrow]));
const weird = function () {}; Object.defineProperty(weird, 'name', { value: 'renamed' });
console.log(util.inspect(weird));
