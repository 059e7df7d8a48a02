'use strict';
// node:http - the HTTP/1.1 server and client (the _http_* modules hold the pieces).

const { Agent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const { methods, STATUS_CODES } = require('_http_common');
const { IncomingMessage } = require('_http_incoming');
const { validateHeaderName, validateHeaderValue, OutgoingMessage } = require('_http_outgoing');
const { Server, ServerResponse } = require('_http_server');
const { setMaxHeaderSize } = require('internal/http/parser');

let maxHeaderSize = 16 * 1024;
const maxHeaderFlag = require('internal/options').getOptionValue('--max-http-header-size');
if (maxHeaderFlag !== undefined) {
  maxHeaderSize = Number(maxHeaderFlag) || maxHeaderSize;
  setMaxHeaderSize(maxHeaderSize);
}

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

module.exports = {
  _connectionListener: require('_http_server')._connectionListener,
  METHODS: methods.slice().sort(),
  STATUS_CODES,
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  // Eddy keeps no pool of idle parsers (each connection makes its own): the limit is only kept.
  setMaxIdleHTTPParsers(max) {
    require('internal/errors').validateInteger(max, 'max', 1);
    require('_http_common').parsers.max = max;
  },
};

Object.defineProperty(module.exports, 'maxHeaderSize', {
  configurable: true,
  enumerable: true,
  get() { return maxHeaderSize; },
});

Object.defineProperty(module.exports, 'globalAgent', {
  configurable: true,
  enumerable: true,
  get() { return require('_http_agent').globalAgent; },
  set(value) { require('_http_agent').globalAgent = value; },
});
