const vm = require('vm');
const g = vm.createContext(vm.constants.DONT_CONTEXTIFY);
console.log(typeof g, vm.isContext(g), Object.getPrototypeOf(g) === Object.prototype);
console.log(vm.runInContext('globalThis.x = 1; typeof Array', g), g.x, g.Array === Array);
console.log(vm.runInContext('this === globalThis', g));
g.y = 5; console.log(vm.runInContext('y + 1', g));
const s = new vm.Script('x + 1'); console.log(s.runInContext(g));
console.log(vm.runInNewContext('typeof globalThis.Object', vm.constants.DONT_CONTEXTIFY));
try { vm.createContext(Symbol('x')); } catch (e) { console.log(e.code); }
console.log(Object.keys(vm.constants));
