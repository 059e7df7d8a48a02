'use strict';
// URL.createObjectURL / buffer.resolveObjectURL, fs.openAsBlob (file-backed, unreadable once
// the file changes), structuredClone of Blobs, and a BlockList clone sharing its rules.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Blob, File, resolveObjectURL } = require('buffer');
const { BlockList } = require('net');

(async () => {
  const blob = new Blob(['hello'], { type: 'text/plain' });
  const url = URL.createObjectURL(blob);
  console.log(/^blob:nodedata:[0-9a-f-]{36}$/.test(url));
  const again = resolveObjectURL(url);
  console.log(again !== blob, again.size, again.type, await again.text());
  URL.revokeObjectURL(url);
  URL.revokeObjectURL(url);
  console.log(resolveObjectURL(url), resolveObjectURL('blob:nodedata:nope'), resolveObjectURL('x'));
  for (const bad of [undefined, 1, '', {}]) {
    try {
      URL.createObjectURL(bad);
    } catch (err) {
      console.log(err.code);
    }
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eddy-blob-'));
  const file = path.join(dir, 'data.txt');
  fs.writeFileSync(file, 'abcdefghij');
  const fileBlob = await fs.openAsBlob(file, { type: 'text/x' });
  console.log(fileBlob.size, fileBlob.type, await fileBlob.text());
  const part = fileBlob.slice(2, 6);
  console.log(part.size, await part.text());
  const mixed = new Blob(['<', fileBlob, '>']);
  console.log(mixed.size, await mixed.text());
  let streamed = '';
  for await (const chunk of fileBlob.stream()) streamed += Buffer.from(chunk).toString();
  console.log(streamed);
  try {
    structuredClone(fileBlob);
  } catch (err) {
    console.log(err.code, err.message);
  }
  fs.writeFileSync(file, 'changed!');
  for (const read of [() => fileBlob.text(), () => part.arrayBuffer(), () => mixed.bytes()]) {
    try {
      await read();
      console.log('read');
    } catch (err) {
      console.log(err.name, err.message);
    }
  }
  try {
    await fs.openAsBlob(path.join(dir, 'missing'));
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
  fs.rmSync(dir, { recursive: true });

  const copy = structuredClone(new Blob(['xyz'], { type: 'a/b' }));
  console.log(copy instanceof Blob, copy.size, copy.type, await copy.text());
  const fileCopy = structuredClone(new File(['f'], 'name.txt', { lastModified: 42 }));
  console.log(fileCopy instanceof File, fileCopy.name, fileCopy.lastModified, await fileCopy.text());

  const list = new BlockList();
  list.addAddress('10.0.0.1');
  const shared = structuredClone(list);
  shared.addAddress('10.0.0.2');
  console.log(shared !== list, list.check('10.0.0.2'), shared.check('10.0.0.1'), list.rules);
})();
