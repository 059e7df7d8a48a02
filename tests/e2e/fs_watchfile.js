'use strict';
// fs.watchFile / unwatchFile (stat polling) and fs.watch (inotify), with the handles
// process._getActiveHandles() lists: a file missing when watching starts (reported at once with
// both Stats zeroed), its creation (prev zeroed), a change, its removal; argument errors; and a
// directory watch seeing a file created, written and renamed.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eddy-watchfile-'));
const file = path.join(dir, 'watched.txt');
// The standard streams are left out: which of them are handles depends on how the test is run.
const stdio = [process.stdin, process.stdout, process.stderr];
const names = () => process._getActiveHandles().filter((h) => !stdio.includes(h))
  .map((h) => h.constructor.name).sort();

function describe(stats) {
  return `size=${stats.size} file=${stats.isFile()} ino>0=${stats.ino > 0} ` +
    `mtime=${stats.mtimeMs > 0 ? 'set' : stats.mtime.toISOString()}`;
}

for (const [label, fn] of [
  ['no listener', () => fs.watchFile(file)],
  ['bad path', () => fs.watchFile(42, () => {})],
  ['buffer path', () => fs.watchFile(Buffer.from(file), () => {})],
]) {
  try {
    fn();
    console.log(label, 'accepted');
  } catch (err) {
    console.log(label, err.name, err.code);
  }
}

function watchFileSteps() {
  return new Promise((resolve) => {
    let step = 0;
    const watcher = fs.watchFile(file, { interval: 20 }, (curr, prev) => {
      step++;
      console.log(`change ${step}: curr ${describe(curr)} | prev ${describe(prev)}`);
      if (step === 1) {
        console.log('handles while polling', names());
        fs.writeFileSync(file, 'a');
      } else if (step === 2) {
        fs.writeFileSync(file, 'abc');
      } else if (step === 3) {
        fs.unlinkSync(file);
      } else if (step === 4) {
        fs.unwatchFile(file);
      }
    });
    watcher.on('stop', () => {
      console.log('stop');
      // Node lists a handle until its close completes, a loop turn later.
      setTimeout(() => {
        console.log('handles after unwatchFile', names());
        resolve();
      }, 30);
    });
  });
}

function watchDirectory() {
  return new Promise((resolve) => {
    const seen = new Set();
    const watcher = fs.watch(dir, (eventType, filename) => {
      seen.add(`${eventType} ${filename}`);
      if (seen.has('rename new.txt')) {
        watcher.close();
      }
    });
    console.log('handles while watching', names());
    watcher.on('close', () => {
      console.log('created seen', seen.has('rename old.txt'));
      console.log('written seen', seen.has('change old.txt'));
      console.log('renamed seen', seen.has('rename old.txt') && seen.has('rename new.txt'));
      setTimeout(() => {
        console.log('handles after close', names());
        resolve();
      }, 30);
    });
    setTimeout(() => fs.writeFileSync(path.join(dir, 'old.txt'), 'x'), 30);
    setTimeout(() => fs.appendFileSync(path.join(dir, 'old.txt'), 'y'), 60);
    setTimeout(() => fs.renameSync(path.join(dir, 'old.txt'), path.join(dir, 'new.txt')), 90);
  });
}

(async () => {
  console.log('handles at start', names());
  await watchFileSteps();
  await watchDirectory();
  fs.rmSync(dir, { recursive: true });
})();
