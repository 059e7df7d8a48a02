function helper() { return 'h'; }
const value = 42, other = 'o';
// Node's lexer takes `name`, `name: identifier` and `'name': identifier` entries and stops at
// the first entry of another form (here `nested`), so `nested` and `after` are not named.
module.exports = { helper, value, renamed: other, 'quoted': other, nested: { inner: 1 }, after: value };
