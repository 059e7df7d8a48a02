import { kind, here } from './esm/pkgtype/mod.js';
import { pkg, fromPkg } from './esm/uses_pkg.mjs';
console.log(kind, here, pkg, fromPkg);
