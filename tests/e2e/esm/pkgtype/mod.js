export const kind = typeof require;
export const here = import.meta.filename.endsWith("pkgtype/mod.js");
