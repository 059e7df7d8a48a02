const util = require('util');
class Foo { constructor() { this.a = 1; this.b = [2]; } }
console.log(util.inspect(new Foo()));
class Empty {}
console.log(util.inspect(new Empty()));
console.log(util.inspect(new (class {})()));
console.log(util.inspect([new Foo(), new Empty()]));
function Legacy() { this.x = 1; }
console.log(util.inspect(new Legacy()));
class WithProto { constructor() { this.own = 1; } }
WithProto.prototype.shared = 2;
console.log(util.inspect(new WithProto()));
console.log(util.inspect({ inst: { deep: { deeper: new Foo() } } }));
