'use strict';
// node:cluster end to end: a primary forks two workers that serve HTTP on one shared port
// (listen(0) in each gives both the same port), requests reach the workers, the workers
// report over IPC, and cluster.disconnect() ends them. What depends on scheduling (which worker
// answers which request, the order of events across workers) is sorted before printing.

const cluster = require('cluster');
const http = require('http');
const path = require('path');

if (cluster.isWorker) {
  const server = http.createServer((req, res) => {
    res.end(`worker ${cluster.worker.id} ${process.env.ROLE}`);
  });
  server.listen(0, '127.0.0.1', () => {
    process.send({
      id: cluster.worker.id,
      role: process.env.ROLE,
      isWorker: cluster.isWorker,
      isPrimary: cluster.isPrimary,
      uniqueIdInEnv: 'NODE_UNIQUE_ID' in process.env,
      state: cluster.worker.state,
    });
  });
  cluster.worker.on('disconnect', () => {
    server.close();
  });
} else {
  console.log('isPrimary', cluster.isPrimary, 'isMaster', cluster.isMaster,
    'isWorker', cluster.isWorker);
  console.log('policy is RR', cluster.schedulingPolicy === cluster.SCHED_RR);
  cluster.on('setup', (settings) => {
    console.log('setup: exec', path.basename(settings.exec),
      'keys', Object.keys(settings).sort().join(','));
  });

  const events = {};
  const record = (worker, what) => {
    (events[worker.id] = events[worker.id] || []).push(what);
  };
  cluster.on('fork', (worker) => record(worker, 'fork'));
  cluster.on('online', (worker) => record(worker, `online(${worker.state})`));
  const reports = [];
  cluster.on('message', (worker, message) => reports.push(message));

  const ports = [];
  cluster.on('listening', (worker, address) => {
    record(worker, `listening(${address.address}, type ${address.addressType}, ${worker.state})`);
    ports.push(address.port);
    if (ports.length === 2) requests();
  });

  const ends = [];
  cluster.on('exit', (worker, code, signal) => {
    ends.push(`worker ${worker.id}: exit code ${code} signal ${signal} ` +
      `exitedAfterDisconnect ${worker.exitedAfterDisconnect} state ${worker.state} ` +
      `dead ${worker.isDead()} connected ${worker.isConnected()}`);
    if (ends.length === 2) finish();
  });

  const a = cluster.fork({ ROLE: 'alpha' });
  const b = cluster.fork({ ROLE: 'beta' });
  console.log('ids', a.id, b.id, 'listed', Object.keys(cluster.workers).join(','));
  console.log('instanceof Worker', a instanceof cluster.Worker, 'state', a.state);

  function get(port) {
    return new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => { body += chunk; });
        res.on('end', () => resolve(body));
      }).on('error', reject);
    });
  }

  async function requests() {
    console.log('both workers on one port', ports[0] === ports[1] && ports[0] > 0);
    const bodies = [];
    for (let i = 0; i < 6; i++) bodies.push(await get(ports[0]));
    console.log('responses', bodies.length);
    console.log('answered by', [...new Set(bodies)].sort().join(' | '));
    reports.sort((x, y) => x.id - y.id);
    for (const r of reports) console.log('report', JSON.stringify(r));
    cluster.disconnect(() => {
      console.log('cluster.disconnect callback, workers left', Object.keys(cluster.workers).length);
    });
  }

  function finish() {
    for (const id of Object.keys(events).sort()) {
      console.log(`events of ${id}:`, events[id].join(' '));
    }
    for (const line of ends.sort()) console.log(line);
    process.on('exit', (code) => console.log('primary exit', code));
  }
}
