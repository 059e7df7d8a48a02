'use strict';
// Response (https://fetch.spec.whatwg.org/#response-class): the constructor and its init
// checks, Response.error/json/redirect, clone, and the Body mixin. A response is one state
// record; fetch (internal/fetch/fetch) builds records for network responses and wraps them
// with responseFromState(). The Headers object is made on first use of `.headers`.

const {
  argumentLengthCheck, dictionary, illegalInvocation, kInspect, toByteString, webIDL,
} = require('internal/fetch/util');
const { HeadersList, fillHeaders, headersFromList } = require('internal/fetch/headers');
const {
  bodyDisturbed, bodyFromBytes, bodyUnusable, cloneBody, defineBodyMixin, extractBody, getStream,
} = require('internal/fetch/body');

const kConstruct = Symbol('kConstruct');
const nullBodyStatuses = [101, 103, 204, 205, 304];
const redirectStatuses = [301, 302, 303, 307, 308];
const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** A response record: what the Response object and fetch share. */
function makeState(fields) {
  return {
    type: 'default',
    status: 200,
    statusText: '',
    urlList: [],
    list: new HeadersList(),
    guard: 'response',
    body: null,
    // The fetch that made this response was aborted (text() and friends reject).
    aborted: false,
    ...fields,
  };
}

let stateOf;
let setState;

function access(value) {
  if (value === null || typeof value !== 'object') throw illegalInvocation();
  return stateOf(value);
}

/** WebIDL unsigned short, the way Node's fetch converts it (the remainder keeps its sign). */
function toUnsignedShort(value) {
  let n = Number(value);
  if (!Number.isFinite(n)) return 0;
  n = Math.trunc(n) % 65536;
  return n === 0 ? 0 : n;
}

/** The standard's "initialize a response" (status, statusText, headers, then the body). */
function initialize(state, init, extracted) {
  if (init.status !== undefined) {
    const status = toUnsignedShort(init.status);
    if (status < 200 || status > 599) {
      throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
    }
    state.status = status;
  }
  if (init.statusText !== undefined) {
    const statusText = toByteString(init.statusText);
    if (!REASON_PHRASE.test(statusText)) throw new TypeError('Invalid statusText');
    state.statusText = statusText;
  }
  if (init.headers !== undefined) fillHeaders(state.list, init.headers);
  if (extracted !== null) {
    if (nullBodyStatuses.includes(state.status)) {
      throw new TypeError(`Response constructor: Invalid response status code ${state.status}`);
    }
    state.body = extracted.body;
    if (extracted.type !== null && !state.list.has('content-type')) {
      state.list.append('content-type', extracted.type);
    }
  }
}

// Named as Node's bundled class is (`Class constructor _Response cannot be invoked...`).
const Response = class _Response {
  #state;
  #headers = null;

  constructor(body = null, init = undefined) {
    if (body === kConstruct) return;
    init = dictionary(init, 'undefined');
    const extracted = body === null ? null : extractBody(body);
    this.#state = makeState();
    initialize(this.#state, init, extracted);
  }

  static error() {
    return responseFromState(makeState({ type: 'error', status: 0, guard: 'immutable' }));
  }

  static json(data, init = undefined) {
    argumentLengthCheck(arguments.length, 1, 'Response.json');
    init = dictionary(init, 'Response.json');
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const state = makeState();
    initialize(state, init, { body: bodyFromBytes(binding.encoding.encodeUtf8(text)), type: 'application/json' });
    return responseFromState(state);
  }

  static redirect(url, status = 302) {
    argumentLengthCheck(arguments.length, 1, 'Response.redirect');
    const input = `${url}`;
    let parsed;
    try {
      parsed = new (require('internal/url').URL)(input);
    } catch (err) {
      throw new TypeError(`Failed to parse URL from ${input}`, { cause: err });
    }
    status = toUnsignedShort(status);
    if (!redirectStatuses.includes(status)) throw new RangeError(`Invalid status code ${status}`);
    const state = makeState({ status, guard: 'immutable' });
    state.list.append('location', parsed.href);
    return responseFromState(state);
  }

  get type() {
    return access(this).type;
  }

  get url() {
    const urlList = access(this).urlList;
    return urlList.length === 0 ? '' : urlList[urlList.length - 1];
  }

  get redirected() {
    return access(this).urlList.length > 1;
  }

  get status() {
    return access(this).status;
  }

  get ok() {
    const status = access(this).status;
    return status >= 200 && status <= 299;
  }

  get statusText() {
    return access(this).statusText;
  }

  get headers() {
    const state = access(this);
    return (this.#headers ??= headersFromList(state.list, state.guard));
  }

  get body() {
    const state = access(this);
    return state.body === null ? null : getStream(state.body);
  }

  get bodyUsed() {
    return bodyDisturbed(access(this).body);
  }

  clone() {
    const state = access(this);
    if (state.body !== null && bodyUnusable(state.body)) {
      throw new TypeError('Response.clone: Body has already been consumed.');
    }
    return responseFromState(makeState({
      type: state.type,
      status: state.status,
      statusText: state.statusText,
      urlList: state.urlList.slice(),
      list: state.list.clone(),
      guard: state.guard,
      body: state.body === null ? null : cloneBody(state.body),
    }));
  }

  [kInspect](depth, options, inspect) {
    const fields = {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      body: this.body,
      bodyUsed: this.bodyUsed,
      ok: this.ok,
      redirected: this.redirected,
      type: this.type,
      url: this.url,
    };
    return `Response ${inspect(fields, options)}`;
  }

  static {
    stateOf = (value) => {
      if (!(#state in value)) throw illegalInvocation();
      return value.#state;
    };
    setState = (response, state) => { response.#state = state; };
  }
};
Object.defineProperty(Response, 'name', { value: 'Response', configurable: true });
webIDL(Response, 'Response', ['type', 'url', 'redirected', 'status', 'ok', 'statusText',
  'headers', 'body', 'bodyUsed', 'clone']);
defineBodyMixin(Response, (value) => {
  const state = access(value);
  return { body: state.body, list: state.list, aborted: state.aborted };
});
for (const name of ['error', 'json', 'redirect']) {
  Object.defineProperty(Response, name, { enumerable: true });
}

function responseFromState(state) {
  const response = new Response(kConstruct);
  setState(response, state);
  return response;
}

module.exports = {
  Response,
  makeResponseState: makeState,
  nullBodyStatuses,
  redirectStatuses,
  responseFromState,
  responseState: (response) => stateOf(response),
};
