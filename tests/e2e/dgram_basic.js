// node:dgram on loopback: bind on 127.0.0.1 port 0, echo between two sockets (the client bound
// implicitly by its first send), a connected socket, errors with Node's codes and messages, and
// the order of 'close' events. Every step waits for the one before it; no timers.
'use strict';
const dgram = require('dgram');
const assert = require('assert');

function show(label, fn) {
  try {
    fn();
    console.log(label, 'did not throw');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

console.log(require('module').builtinModules.includes('dgram'));
show('bad type', () => dgram.createSocket('udp5'));
show('bad lookup', () => dgram.createSocket({ type: 'udp4', lookup: 1 }));

const server = dgram.createSocket('udp4');
const client = dgram.createSocket({ type: 'udp4' });
console.log(server instanceof dgram.Socket, server instanceof require('events'), server.type);

show('address before bind', () => server.address());
show('setBroadcast before bind', () => server.setBroadcast(true));
show('remoteAddress unconnected', () => server.remoteAddress());
show('buffer size before bind', () => server.getRecvBufferSize());
show('send no buffer', () => client.send());
show('send number', () => client.send(23, 1234, '127.0.0.1'));
show('send port 0', () => client.send('x', 0, '127.0.0.1'));
show('send offset out of range', () => client.send(Buffer.from('abc'), 4, 0, 1234, '127.0.0.1'));
show('send bad list', () => client.send(['a', 1], 1234, '127.0.0.1'));
show('disconnect unconnected', () => client.disconnect());
show('connect port 0', () => client.connect(0));
show('setTTL string', () => server.setTTL('1'));

server.on('listening', () => console.log('server listening event'));
server.bind(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log('server bound', addr.address, addr.family, typeof addr.port, addr.port > 0);
  show('bind twice', () => server.bind(0));
  console.log('ttl', server.setTTL(64), 'multicast ttl', server.setMulticastTTL(2));
  show('setTTL 0', () => server.setTTL(0));
  server.setBroadcast(true);
  server.setBroadcast(false);
  console.log('recv buffer', server.getRecvBufferSize() > 0);
  server.setRecvBufferSize(16384);
  console.log('send queue', server.getSendQueueSize(), server.getSendQueueCount());
  echo(addr.port);
});

let step = 0;
server.on('message', (msg, rinfo) => {
  step++;
  console.log('server got', JSON.stringify(msg.toString()), Buffer.isBuffer(msg), rinfo.address,
              rinfo.family, rinfo.size, typeof rinfo.port);
  if (step === 1) {
    server.send(`echo:${msg}`, rinfo.port, rinfo.address, (err, bytes) => {
      console.log('server send cb', err, bytes);
    });
  } else if (step === 2) {
    // An offset/length slice of a view.
    client.send(new Uint8Array([104, 105, 33, 33]), 0, 3, server.address().port, '127.0.0.1');
  } else if (step === 3) {
    client.send(Buffer.alloc(0), server.address().port, '127.0.0.1');
  } else if (step === 4) {
    connected(server.address().port);
  } else if (step === 5) {
    afterConnected();
  }
});

function echo(port) {
  client.on('listening', () => console.log('client listening (implicit bind)'));
  client.once('message', (msg, rinfo) => {
    console.log('client got', msg.toString(), rinfo.port === port);
    console.log('client bound to', client.address().family);
    // A list of chunks is one datagram.
    const dv = new DataView(new ArrayBuffer(2));
    dv.setUint8(0, 0x3c);
    dv.setUint8(1, 0x3e);
    client.send(['multi', Buffer.from('-'), new Uint8Array([0x41]), dv], port, '127.0.0.1');
  });
  client.send('ping', port, '127.0.0.1', (err, bytes) => console.log('client send cb', err, bytes));
}

function connected(port) {
  client.on('connect', () => console.log('connect event'));
  client.connect(port, '127.0.0.1', () => {
    const remote = client.remoteAddress();
    console.log('connected to', remote.address, remote.family, remote.port === port);
    show('connect again', () => client.connect(port));
    show('send with port when connected', () => client.send('x', 0, 1, port, '127.0.0.1'));
    client.send(['con', 'nected'], (err, bytes) => console.log('connected send cb', err, bytes));
  });
}

function afterConnected() {
  client.disconnect();
  console.log('disconnected');
  show('remoteAddress after disconnect', () => client.remoteAddress());
  const port = server.address().port;
  const other = dgram.createSocket('udp4');
  other.on('listening', () => console.log('other listening?!'));
  other.bind(port, '127.0.0.1');
  other.on('error', (err) => {
    console.log('other error', err.code, err.syscall, err.address, err.port === port,
                err.message.replace(String(port), 'PORT'));
    other.close();
    closeAll();
  });
}

function closeAll() {
  const order = [];
  server.on('close', () => order.push('server close event'));
  server.close(() => order.push('server close cb'));
  client.close(() => {
    order.push('client close cb');
    console.log(order.join(', '));
    show('address after close', () => server.address());
    show('close twice', () => server.close());
    show('send after close', () => server.send('x', 1234, '127.0.0.1'));
    server.ref();
    server.unref();
    // A bound, unref'd socket does not keep the process alive.
    const idle = dgram.createSocket('udp4');
    idle.bind(0, '127.0.0.1', () => {
      idle.unref();
      console.log('idle bound and unref\'d');
    });
  });
  process.nextTick(() => console.log('closing ticks first'));
}

process.on('exit', (code) => {
  assert.strictEqual(step, 5);
  console.log('exit', code);
});
