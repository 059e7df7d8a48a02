'use strict';
// node:inspector/promises - node:inspector with a Session whose post() returns a promise.

const inspector = require('inspector');

class Session extends inspector.Session {
  post(method, params) {
    return new Promise((resolve, reject) => {
      super.post(method, params, (error, result) => {
        if (error) reject(error);
        else resolve(result);
      });
    });
  }
}

module.exports = {
  open: inspector.open,
  close: inspector.close,
  url: inspector.url,
  waitForDebugger: inspector.waitForDebugger,
  console: inspector.console,
  Session,
  Network: inspector.Network,
};
