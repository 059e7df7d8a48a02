'use strict';
// test/common/shared-lib-util: let a copied binary still find shared libraries that sit
// beside the original (builds linked against a shared libnode).

const path = require('path');

const libDirs = () => {
  const dir = path.dirname(process.execPath);
  return [path.join(dir, 'lib.target'), path.join(dir, 'lib')];
};

function addLibraryPath(env) {
  if (!env) return;
  const name = process.platform === 'win32' ? 'PATH' :
    process.platform === 'darwin' ? 'DYLD_LIBRARY_PATH' : 'LD_LIBRARY_PATH';
  const extra = libDirs().join(path.delimiter);
  env[name] = env[name] ? `${env[name]}${path.delimiter}${extra}` : extra;
  // AIX-style name too; harmless elsewhere.
  if (process.platform !== 'win32') env.LIBPATH = env.LIBPATH ? `${env.LIBPATH}${path.delimiter}${extra}` : extra;
}

module.exports = {
  addLibraryPath,
  getBinaryPath: () => process.execPath,
  getSharedLibPath: () => path.join(libDirs()[0], process.platform === 'darwin' ? 'libnode.dylib' : 'libnode.so'),
  isSharedLibrary: () => false,
};
