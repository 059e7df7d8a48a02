// readFile/writeFile/stat on the worker pool: callbacks, errors, encodings, promises, sync.
const fs = require('fs');
const path = require('path');
const file = path.join(__dirname, 'fs_read_write_stat.tmp');
// Runs once the error cases below are done, so the printed order never depends on timing.
const writeChain = () => fs.writeFile(file, 'héllo pool', (err) => {
  console.log('write', err);
  fs.readFile(file, 'utf8', (err, text) => {
    console.log('read', err, text);
    fs.readFile(file, (err, bytes) => {
      console.log('bytes', bytes.length, bytes[0], bytes instanceof Uint8Array);
      fs.stat(file, (err, st) => {
        console.log('stat', err, st.size, st.isFile(), st.isDirectory(), typeof st.mtimeMs, st.mtime instanceof Date);
        fs.writeFile(file, 'more', { flag: 'a' }, () => {
          console.log('appended', fs.readFileSync(file, 'latin1').length);
          fs.promises.readFile(file, { encoding: 'hex' }).then((hex) => {
            console.log('hex', hex.slice(0, 8));
            fs.writeFileSync(file, '');
          });
        });
      });
    });
  });
});
// Error cases one after another: two pool jobs may finish in either order.
fs.readFile(path.join(__dirname, 'no_such_file.txt'), (err, data) => {
  console.log(err.code, err.errno, err.syscall, err.message.replace(__dirname, '<dir>'), data);
  fs.stat(path.join(__dirname, 'no_such_dir', 'x'), (err) => {
    console.log('stat', err.code, err.syscall);
    fs.promises.stat(__dirname).then((st) => {
      console.log('dir', st.isDirectory());
      writeChain();
    });
  });
});
try { fs.readFile(); } catch (e) { console.log(e.code, e.message); }
try { fs.readFile(file); } catch (e) { console.log(e.code, e.message); }
try { fs.readFileSync(path.join(__dirname, 'nope')); } catch (e) { console.log('sync', e.code); }
console.log('sync part done', fs.existsSync(__dirname), fs.existsSync(path.join(__dirname, 'nope')));
