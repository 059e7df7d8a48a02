// module.SourceMap on a payload, and module.findSourceMap for a module loaded while source maps
// are enabled (an inline data: URL map).
const { SourceMap, findSourceMap } = require('module');
const fs = require('fs');
const os = require('os');
const path = require('path');

const map = new SourceMap({
  version: 3,
  sources: ['original.js'],
  names: ['answer'],
  mappings: 'AAAA;AACA,IAAIA;;AAEJ',
});
console.log(map.findEntry(1, 6));
console.log(map.findOrigin(2, 7));
console.log(map.findEntry(5, 0));
try {
  new SourceMap('x');
} catch (err) {
  console.log(err.code, err.message);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eddy-srcmap-'));
const file = path.join(dir, 'generated.js');
const payload = { version: 3, sources: ['src/input.ts'], names: [], mappings: 'AAAA;AACA' };
fs.writeFileSync(file, 'module.exports = 1;\nmodule.exports += 1;\n//# sourceMappingURL=data:application/json;base64,' +
  Buffer.from(JSON.stringify(payload)).toString('base64') + '\n');
require(file);
console.log('before enabling:', findSourceMap(file));
process.setSourceMapsEnabled(true);
delete require.cache[file];
require(file);
const found = findSourceMap(file);
console.log(found instanceof SourceMap, found.lineLengths);
const entry = found.findEntry(1, 0);
console.log(entry.originalLine, path.relative(dir, new URL(entry.originalSource).pathname));
fs.rmSync(dir, { recursive: true });
