'use strict';
// Wire constants of RFC 9113 shared by the http2 session files.

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
const F = {
  DATA: 0, HEADERS: 1, PRIORITY: 2, RST_STREAM: 3, SETTINGS: 4, PUSH_PROMISE: 5, PING: 6,
  GOAWAY: 7, WINDOW_UPDATE: 8, CONTINUATION: 9, ALTSVC: 10, ORIGIN: 12,
};
const END_STREAM = 1;
const ACK = 1;
const END_HEADERS = 4;
const PADDED = 8;
const PRIORITY_FLAG = 32;
const E = {
  NO_ERROR: 0, PROTOCOL_ERROR: 1, INTERNAL_ERROR: 2, FLOW_CONTROL_ERROR: 3, STREAM_CLOSED: 5,
  FRAME_SIZE_ERROR: 6, REFUSED_STREAM: 7, CANCEL: 8, COMPRESSION_ERROR: 9,
  ENHANCE_YOUR_CALM: 11,
};
const SESSION_SERVER = 0;
const SESSION_CLIENT = 1;
const MAX_WINDOW = 2 ** 31 - 1;
const kSocket = Symbol('socket');

module.exports = {
  PREFACE, F, END_STREAM, ACK, END_HEADERS, PADDED, PRIORITY_FLAG, E, SESSION_SERVER,
  SESSION_CLIENT, MAX_WINDOW, kSocket,
};
