for (const spec of ['./esm/missing.mjs', './esm/', './esm', 'no-such-package', 'node:nope', './esm/data.json']) {
  try {
    await import(spec);
    console.log(spec, 'loaded');
  } catch (e) {
    console.log(spec, e.code, e.message);
  }
}
