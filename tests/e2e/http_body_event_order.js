'use strict';
// The order of a server's request ('data', 'end', 'close') and response ('finish', 'close')
// events for requests with a body, as Node has it: the body arrives in the same read as the
// head (one write from a raw client on loopback), so nothing here depends on timing. When the
// handler answers before reading the body, the response's 'finish' and 'close' come before the
// request's 'end'; when it answers on 'end', the request ends first.
const http = require('http');
const net = require('net');

const cases = [];
for (const framing of ['length', 'chunked']) {
  for (const keepAlive of [true, false]) {
    for (const answer of ['on end', 'at once']) {
      for (const reading of ['data', 'none']) cases.push({ framing, keepAlive, answer, reading });
    }
  }
}

let current;
const server = http.createServer((req, res) => {
  const c = current;
  const log = (s) => console.log(`  ${s}`);
  log(`request ${req.method} ${req.url}`);
  if (c.reading === 'data') req.on('data', (d) => log(`req data ${d.length}`));
  req.on('end', () => {
    log(`req end complete=${req.complete}`);
    if (c.answer === 'on end') res.end('ok');
  });
  req.on('close', () => log('req close'));
  res.on('finish', () => log('res finish'));
  res.on('close', () => log('res close'));
  if (c.answer === 'at once') res.end('early');
  else if (c.reading === 'none') req.resume();
});

function request(i, c) {
  const conn = c.keepAlive ? 'keep-alive' : 'close';
  const head = `POST /${i} HTTP/1.1\r\nHost: localhost\r\nConnection: ${conn}\r\n`;
  if (c.framing === 'length') return head + 'Content-Length: 11\r\n\r\nhello world';
  return head + 'Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n';
}

function runCase(i) {
  if (i === cases.length) {
    server.close(() => console.log('server closed'));
    return;
  }
  current = cases[i];
  const c = current;
  console.log(`${c.framing}, ${c.keepAlive ? 'keep-alive' : 'close'}, answer ${c.answer}, reading ${c.reading}`);
  const socket = net.connect(server.address().port, '127.0.0.1', () => socket.write(request(i, c)));
  let got = '';
  socket.setEncoding('latin1');
  socket.on('data', (d) => {
    got += d;
    // The whole response is in (its body is the last thing sent): close our side.
    if (/\r\n\r\n(?:[0-9a-f]+\r\n)?(ok|early)/.test(got)) socket.end();
  });
  socket.on('close', () => {
    console.log(`  client got ${got.split('\r\n')[0]}`);
    // The server's own close events follow its socket's; let them run before the next case.
    setImmediate(() => setImmediate(() => runCase(i + 1)));
  });
}

server.listen(0, '127.0.0.1', () => runCase(0));
