'use strict';
// node:cluster - a primary process forks workers (child_process.fork with an IPC channel) that
// share server ports. A process started by cluster.fork() has NODE_UNIQUE_ID in its environment
// at start-up and gets the worker side; every other process gets the primary side.

const isWorker = Object.prototype.hasOwnProperty.call(process.env, 'NODE_UNIQUE_ID');
module.exports = isWorker ? require('internal/cluster/child') : require('internal/cluster/primary');
