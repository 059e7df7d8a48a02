for (const [name, fn] of [['setTimeout', setTimeout], ['setInterval', setInterval], ['setImmediate', setImmediate]]) {
  for (const bad of [undefined, 1, 'str', {}]) {
    try {
      fn(bad);
    } catch (e) {
      console.log(name, e.name, e.code, e.message);
    }
  }
}
console.log(clearTimeout(undefined), clearTimeout(null), clearInterval({}), clearImmediate(undefined));
