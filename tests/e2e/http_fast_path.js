// Requests the server may take by its read fast path (one plain head per read) mixed with ones
// it must not (bodies, split heads, pipelining, Expect, a missing Host, user code reading the
// socket): the same events, headers and bytes either way, as Node's.
const http = require('http');
const net = require('net');

let finished = 0;
let waiter = null;

const server = http.createServer((req, res) => {
  console.log('request', req.method, req.url, req.httpVersion, req.complete);
  console.log('  headers', JSON.stringify(req.headers));
  console.log('  raw', JSON.stringify(req.rawHeaders));
  process.nextTick(() => console.log('  tick', req.url));
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => console.log('  end', req.url, req.complete, JSON.stringify(body)));
  res.on('finish', () => {
    console.log('  finish', req.url);
    finished++;
    if (waiter) waiter();
  });
  // (For requests with a body, where Eddy's res 'close' and req 'end' order differs from Node's
  // on the slow path too, 'close' is not recorded.)
  const hasBody = req.headers['content-length'] > 0 || req.headers['transfer-encoding'];
  if (!hasBody) res.on('close', () => console.log('  close', req.url));
  if (req.url === '/watch') {
    // From here on the connection's bytes are the user's too.
    req.socket.on('data', (d) => console.log('  user data', JSON.stringify(String(d))));
  }
  switch (req.url) {
    case '/head': res.writeHead(200, { 'Content-Length': '5' }); res.end(); break;
    case '/nohead': res.end('plain'); break;
    case '/latin1': res.end('caf\u00e9', 'latin1'); break;
    case '/utf8': res.setHeader('X-Case', 'Kept'); res.end('\u00e9t\u00e9 \u2713'); break;
    case '/chunked': res.writeHead(200, { 'content-type': 'text/plain' }); res.end('abc'); break;
    case '/buffer': res.end(Buffer.from('bytes')); break;
    case '/cb': res.end('with cb', () => console.log('  end cb', req.url)); break;
    case '/late': setTimeout(() => res.end('late'), 30); break;
    default: res.end('ok ' + req.url);
  }
});

// Each step is written once the responses before it are finished (so it arrives in a read of
// its own, when the machine is not too slow); `expect` is how many finish by then.
function session(steps, done) {
  const c = net.connect(server.address().port, '127.0.0.1');
  let out = '';
  let target = 0;
  c.on('data', (d) => { out += d; });
  c.on('close', () => {
    console.log('client got', JSON.stringify(out.replace(/Date: .*\r\n/g, 'Date: X\r\n')));
    done();
  });
  const next = () => {
    const step = steps.shift();
    if (step === undefined) return;
    if (step === 'end') {
      waiter = null;
      c.end();
      return;
    }
    target += step.responses;
    waiter = () => {
      if (finished >= target) {
        waiter = null;
        setTimeout(next, 30);
      }
    };
    for (const part of step.parts) c.write(part);
    if (step.responses === 0) setTimeout(next, 30);
  };
  c.on('connect', next);
}

const get = (url, extra = '') => ({
  parts: [`GET ${url} HTTP/1.1\r\nHost: x\r\n${extra}\r\n`], responses: 1,
});

server.listen(0, '127.0.0.1', () => {
  const first = [
    get('/one', 'X-Dup: a\r\nx-dup: b\r\nCookie: c=1\r\ncookie: d=2\r\nSet-Cookie: s\r\n'),
    get('/head'),
    { parts: ['HEAD /head HTTP/1.1\r\nHost: x\r\n\r\n'], responses: 1 },
    get('/nohead', 'Content-Length: 0\r\n'),
    get('/latin1', 'Connection: keep-alive\r\n'),
    get('/utf8', 'UPPER-Case: V\r\n'),
    get('/chunked'),
    get('/buffer'),
    get('/cb'),
    get('/late'),
    { parts: ['POST /post HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody'], responses: 1 },
    { parts: ['GET /split HTTP/1.1\r\nHo', 'st: x\r\n\r\n'], responses: 1 },
    { parts: ['POST /chunkedbody HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n'], responses: 1 },
    { parts: ['PUT /expect HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi'], responses: 1 },
    { parts: ['GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n'], responses: 2 },
    get('/after-pipeline'),
    get('/watch'),
    get('/watched'),
    get('/close', 'Connection: close\r\n'),
    'end',
  ];
  const second = [
    { parts: ['GET /ten HTTP/1.0\r\nConnection: keep-alive\r\n\r\n'], responses: 1 },
    { parts: ['GET /ten-close HTTP/1.0\r\n\r\n'], responses: 1 },
    'end',
  ];
  const third = [
    { parts: ['GET /nohost HTTP/1.1\r\n\r\n'], responses: 1 },
    'end',
  ];
  const fourth = [
    get('/ok'),
    { parts: ['GET /bad HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'], responses: 0 },
    'end',
  ];
  server.on('clientError', (err, socket) => {
    console.log('clientError', err.code);
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  server.on('connection', (socket) => {
    socket.on('close', () => console.log('server socket closed, bytesRead', socket.bytesRead));
  });
  session(first, () => session(second, () => session(third, () => session(fourth, () => {
    server.close(() => console.log('server closed'));
  }))));
});
