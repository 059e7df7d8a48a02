const util = require('util');
console.log(util.inspect(Object.fromEntries(Array.from({ length: 30 }, (_, i) => ['key' + i, i]))));
console.log(util.inspect({ aVeryLongPropertyNameNumberOne: 'some string value', anotherQuiteLongPropertyName: [1, 2, 3], third: { nested: true } }));
console.log(util.inspect(Object.fromEntries(Array.from({ length: 5 }, (_, i) => ['k' + i, 'value'.repeat(i * 3)]))));
