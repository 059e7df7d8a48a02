const util = require('util');
console.log(util.inspect(/abc/));
console.log(util.inspect(/a+b*/gimsuy));
console.log(util.inspect(new RegExp('a/b')));
const r = /x/; r.extra = 1;
console.log(util.inspect(r));
class MyRe extends RegExp {}
console.log(util.inspect(new MyRe('z', 'g')));
console.log(util.inspect(Object.setPrototypeOf(/np/, null)));
console.log(util.inspect({ re: /nested/ }));
