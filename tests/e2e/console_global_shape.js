console.log(Object.keys(console).join(','));
console.log(Object.prototype.toString.call(console));
console.log(typeof console.Console, console.Console.name);
console.log(require('console') === console);
console.log(typeof console.profile, typeof console.timeStamp, typeof console.context);
