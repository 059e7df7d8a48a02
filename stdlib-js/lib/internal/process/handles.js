'use strict';
// internal/process/handles: what process._getActiveHandles() and _getActiveRequests() list,
// and the handles and requests of process.getActiveResourcesInfo().
//
// The runtime's handle table (runtime/src/io.rs) does not know the JS objects its handles belong
// to, so the JS classes that own handles register them here: a handle source is any object with
// `activeOwner()` -> the object to list (a net.Socket, a net.Server, an FSWatcher, a
// StatWatcher, a ChildProcess, a tty stream, a dgram.Socket) while it is open and ref'd, else
// null, and `resourceType()` -> the name of Node's handle type for it ('TCPSocketWrap',
// 'FSEventWrap', 'ProcessWrap', 'TTYWrap', 'UDPWrap', ...). Requests are objects registered for
// as long as an async call is on the worker pool.

const sources = new Set();
const requests = new Set();

function addHandle(source) {
  sources.add(source);
}

function removeHandle(source) {
  sources.delete(source);
}

function activeHandles() {
  const out = [];
  for (const source of sources) {
    const owner = source.activeOwner();
    if (owner !== null && owner !== undefined) out.push(owner);
  }
  return out;
}

// Node's request objects, by kind ('FSReqCallback' for a callback fs call).
const requestClasses = new Map();

function requestClass(name) {
  let Class = requestClasses.get(name);
  if (Class === undefined) {
    Class = { [name]: class {} }[name];
    requestClasses.set(name, Class);
  }
  return Class;
}

/** A request of kind `name` in flight; give it to endRequest() when it completes. */
function startRequest(name) {
  const request = new (requestClass(name))();
  requests.add(request);
  return request;
}

function endRequest(request) {
  requests.delete(request);
}

function activeRequests() {
  return [...requests];
}

/** Node's type names of the requests in flight, then of the active handles. */
function activeResourceTypes() {
  const out = [];
  for (const request of requests) out.push(request.constructor.name);
  for (const source of sources) {
    const owner = source.activeOwner();
    if (owner !== null && owner !== undefined) out.push(source.resourceType());
  }
  return out;
}

module.exports = {
  activeHandles, activeRequests, activeResourceTypes, addHandle, endRequest, removeHandle,
  startRequest,
};
