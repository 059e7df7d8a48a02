const util = require('util');
class A {}
console.log(util.inspect(A));
class B extends A {}
console.log(util.inspect(B));
console.log(util.inspect(class {}));
console.log(util.inspect(class extends A {}));
class S { static x = 1; static y = 'two'; }
console.log(util.inspect(S));
console.log(util.inspect(class /* comment */ Commented {}));
class N extends null {}
console.log(util.inspect(N));
class M { method(a) { return a; } }
console.log(util.inspect(M));
