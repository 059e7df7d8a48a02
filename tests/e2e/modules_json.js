// JSON modules: BOM stripped, cached, parse errors name the file.
const good = require('./modules/data/good.json');
console.log(good, require('./modules/data/good') === good);
good.added = true;
console.log(require('./modules/data/good.json').added);
try {
  require('./modules/data/bad.json');
} catch (e) {
  console.log(e.name, e.message.replace(__dirname, '$D'));
}
console.log(require('./modules/data/noext-json.json'));
