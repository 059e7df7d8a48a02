'use strict';
// NODE_V8_COVERAGE=dir: the child writes coverage-<pid>-<ms>-<threadId>.json files
// ({ result, timestamp }) at exit and at each v8.takeCoverage(); v8.stopCoverage() ends it.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

function branchy(n) {
  if (n > 0) {
    return 'positive';
  }
  return 'not positive';
}

if (process.argv[2] === 'child') {
  branchy(1);
  if (process.argv[3] === 'take') {
    require('v8').takeCoverage();
    branchy(-1);
  }
  if (process.argv[3] === 'stop') require('v8').stopCoverage();
  process.exit(0);
}

console.log('features.inspector', process.features.inspector);
for (const mode of ['exit', 'take', 'stop', 'off']) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eddy-cov-'));
  const env = { ...process.env, NODE_V8_COVERAGE: mode === 'off' ? '' : dir };
  const child = spawnSync(process.execPath, [__filename, 'child', mode], { env });
  // (After stopCoverage() Node also prints a complaint about the missing profile at exit.)
  const stderr = mode === 'stop' ? '' : child.stderr.toString();
  console.log(mode, 'status', child.status, 'stderr', JSON.stringify(stderr));
  const files = fs.readdirSync(dir).sort((a, b) => {
    const at = JSON.parse(fs.readFileSync(path.join(dir, a))).timestamp;
    const bt = JSON.parse(fs.readFileSync(path.join(dir, b))).timestamp;
    return at - bt;
  });
  for (const file of files) {
    const pattern = new RegExp(`^coverage-${child.pid}-\\d+-0\\.json$`);
    const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const mine = data.result.find((s) => s.url === require('url').pathToFileURL(__filename).href);
    const fn = mine.functions.find((f) => f.functionName === 'branchy');
    console.log(' file', pattern.test(file), Object.keys(data).join(','), typeof data.timestamp,
                Object.keys(mine).join(','), typeof mine.scriptId);
    console.log(' branchy', fn && JSON.stringify(fn.ranges.map((r) => r.count)), fn && fn.isBlockCoverage);
  }
  fs.rmSync(dir, { recursive: true });
}
