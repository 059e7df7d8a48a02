const util = require('util');
console.log(util.inspect('plain'));
console.log(util.inspect("it's"));
console.log(util.inspect('it\'s "quoted"'));
console.log(util.inspect('it\'s "quoted" and `ticked`'));
console.log(util.inspect('it\'s "quoted" and ${templ}'));
console.log(util.inspect(''));
console.log(util.inspect(['a', "b'c", 'd"e']));
