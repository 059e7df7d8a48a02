'use strict';
// The server of the HTTP stress test (tests/e2e.rs, `http_stress_*`): answers every request
// with "ok", and `/rss` with its resident set size after a full GC (run with --expose-gc;
// EDDY_STRESS_DEBUG=1 also prints process.memoryUsage() to stderr).
const http = require('http');
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url === '/rss') {
      globalThis.gc();
      globalThis.gc();
      const m = process.memoryUsage();
      if (process.env.EDDY_STRESS_DEBUG) console.error(JSON.stringify(m));
      res.end(String(m.rss));
    } else {
      res.end('ok');
    }
  });
});
server.maxHeadersCount = 100;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
