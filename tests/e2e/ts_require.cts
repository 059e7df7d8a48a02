const util = require('./ts/util');
const typed: number = util.twice(util.base);
console.log(typed, require.resolve('./ts/util').endsWith('util.ts'));
import('./ts/lib.mts').then((m: any) => console.log(m.fromMts, m.default('there')));
