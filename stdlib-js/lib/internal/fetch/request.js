'use strict';
// Request (https://fetch.spec.whatwg.org/#request-class): the constructor's RequestInit
// handling with Node's messages, clone, the Body mixin. A request is one state record that
// fetch reads (requestState()); the Headers object and the request's own AbortSignal are
// made when first asked for (fetch listens to the signal the request follows).

const {
  argumentLengthCheck, dictionary, enumValue, illegalInvocation, kInspect, toByteString,
  toUSVString, webIDL,
} = require('internal/fetch/util');
const { HeadersList, fillHeaders, headersFromList } = require('internal/fetch/headers');
const {
  bodyDisturbed, bodyUnusable, cloneBody, defineBodyMixin, extractBody, getStream, takeBody,
} = require('internal/fetch/body');

const kConstruct = Symbol('kConstruct');
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const normalizedMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];
const forbiddenMethods = ['CONNECT', 'TRACE', 'TRACK'];
const corsSafeMethods = ['GET', 'HEAD', 'POST'];

const enums = {
  cache: ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'],
  credentials: ['omit', 'same-origin', 'include'],
  duplex: ['half'],
  mode: ['navigate', 'same-origin', 'no-cors', 'cors'],
  redirect: ['follow', 'manual', 'error'],
  referrerPolicy: ['', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin',
    'strict-origin', 'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url'],
};

let URLClass;
const URLCtor = () => (URLClass ??= require('internal/url').URL);
let AbortControllerClass;

let patchWarned = false;

/** RequestInit, converted the way WebIDL does it (members in their sorted order). */
function convertInit(init) {
  const out = {};
  const prefix = 'Request constructor';
  if (init.body !== undefined) out.body = init.body;
  if (init.cache !== undefined) out.cache = enumValue(init.cache, enums.cache, prefix);
  if (init.credentials !== undefined) out.credentials = enumValue(init.credentials, enums.credentials, prefix);
  if (init.duplex !== undefined) out.duplex = enumValue(init.duplex, enums.duplex, prefix);
  if (init.headers !== undefined) out.headers = init.headers;
  if (init.integrity !== undefined) out.integrity = `${init.integrity}`;
  if (init.keepalive !== undefined) out.keepalive = !!init.keepalive;
  if (init.method !== undefined) out.method = toByteString(init.method);
  if (init.mode !== undefined) out.mode = enumValue(init.mode, enums.mode, prefix);
  if (init.redirect !== undefined) out.redirect = enumValue(init.redirect, enums.redirect, prefix);
  if (init.referrer !== undefined) out.referrer = toUSVString(init.referrer);
  if (init.referrerPolicy !== undefined) {
    out.referrerPolicy = enumValue(init.referrerPolicy, enums.referrerPolicy, prefix);
  }
  if (init.signal !== undefined) {
    const signal = init.signal;
    if (signal !== null && !(signal instanceof AbortSignal)) {
      throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
    }
    out.signal = signal;
  }
  if (init.window !== undefined) out.window = init.window;
  return out;
}

function makeState(url) {
  return {
    method: 'GET',
    url,
    list: new HeadersList(),
    body: null,
    parentSignal: null,
    referrer: 'client',
    referrerPolicy: '',
    mode: 'cors',
    credentials: 'same-origin',
    cache: 'default',
    redirect: 'follow',
    integrity: '',
    keepalive: false,
    reloadNavigation: false,
    historyNavigation: false,
  };
}

function normalizeMethod(method) {
  if (!TOKEN.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
  const upper = method.toUpperCase();
  if (forbiddenMethods.includes(upper)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
  if (normalizedMethods.includes(upper)) return upper;
  if (upper === 'PATCH' && method !== 'PATCH' && !patchWarned) {
    patchWarned = true;
    process.emitWarning('Using `patch` is highly likely to result in a `405 Method Not Allowed`. ' +
      '`PATCH` is much more likely to succeed.', { code: 'UNDICI-FETCH-patch' });
  }
  return method;
}

let stateOf;
let setState;

function access(value) {
  if (value === null || typeof value !== 'object') throw illegalInvocation();
  return stateOf(value);
}

// Named as Node's bundled class is (`Class constructor _Request cannot be invoked...`).
const Request = class _Request {
  #state;
  #headers = null;
  #signal = null;

  constructor(input, init = undefined) {
    if (input === kConstruct) return;
    argumentLengthCheck(arguments.length, 1, 'Request constructor');
    const inputIsRequest = isRequest(input);
    if (!inputIsRequest) input = toUSVString(input);
    init = convertInit(dictionary(init, 'Request constructor'));

    let state;
    let inputBody = null;
    if (!inputIsRequest) {
      let parsed;
      try {
        parsed = new (URLCtor())(input);
      } catch (err) {
        throw new TypeError(`Failed to parse URL from ${input}`, { cause: err });
      }
      if (parsed.username !== '' || parsed.password !== '') {
        throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${input}`);
      }
      state = makeState(parsed);
    } else {
      const from = stateOf(input);
      state = { ...from, list: from.list.clone() };
      inputBody = from.body;
      state.body = null;
    }

    if (init.window != null) throw new TypeError("'window' option 'client' must be null");
    const initGiven = Object.keys(init).length > 0;
    if (initGiven) {
      if (state.mode === 'navigate') state.mode = 'same-origin';
      state.reloadNavigation = false;
      state.historyNavigation = false;
      state.referrer = 'client';
      state.referrerPolicy = '';
    }
    if (init.referrer !== undefined) {
      if (init.referrer === '') {
        state.referrer = 'no-referrer';
      } else {
        let parsed;
        try {
          parsed = new (URLCtor())(init.referrer);
        } catch (err) {
          throw new TypeError(`Referrer "${init.referrer}" is not a valid URL.`, { cause: err });
        }
        state.referrer = parsed.href === 'about:client' ? 'client' : parsed.href;
      }
    }
    if (init.referrerPolicy !== undefined) state.referrerPolicy = init.referrerPolicy;
    if (init.mode === 'navigate') throw new TypeError('Request constructor: invalid request mode navigate.');
    if (init.mode !== undefined) state.mode = init.mode;
    if (init.credentials !== undefined) state.credentials = init.credentials;
    if (init.cache !== undefined) state.cache = init.cache;
    if (state.cache === 'only-if-cached' && state.mode !== 'same-origin') {
      throw new TypeError("'only-if-cached' can be set only with 'same-origin' mode");
    }
    if (init.redirect !== undefined) state.redirect = init.redirect;
    if (init.integrity !== undefined) state.integrity = init.integrity;
    if (init.keepalive !== undefined) state.keepalive = init.keepalive;
    if (init.method !== undefined) state.method = normalizeMethod(init.method);
    if (init.signal !== undefined) state.parentSignal = init.signal;

    if (initGiven && init.headers !== undefined) {
      state.list = new HeadersList();
      fillHeaders(state.list, init.headers);
    }
    if (state.mode === 'no-cors' && !corsSafeMethods.includes(state.method)) {
      throw new TypeError(`'${state.method} is unsupported in no-cors mode.`);
    }

    const initBodyGiven = init.body !== undefined && init.body !== null;
    if ((initBodyGiven || inputBody !== null) && (state.method === 'GET' || state.method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    let initBody = null;
    if (initBodyGiven) {
      const extracted = extractBody(init.body, state.keepalive);
      initBody = extracted.body;
      if (extracted.type !== null && !state.list.has('content-type')) {
        state.list.append('content-type', extracted.type);
      }
    }
    const inputOrInitBody = initBody ?? inputBody;
    if (inputOrInitBody !== null && inputOrInitBody.source === null) {
      if (initBody !== null && init.duplex == null) {
        throw new TypeError('RequestInit: duplex option is required when sending a body.');
      }
    }
    let finalBody = inputOrInitBody;
    if (initBody === null && inputBody !== null) {
      if (bodyUnusable(inputBody)) {
        throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
      }
      finalBody = takeBody(inputBody);
    }
    state.body = finalBody;
    this.#state = state;
  }

  get method() {
    return access(this).method;
  }

  get url() {
    return access(this).url.href;
  }

  get headers() {
    const state = access(this);
    return (this.#headers ??= headersFromList(state.list, 'request'));
  }

  get destination() {
    access(this);
    return '';
  }

  get referrer() {
    const referrer = access(this).referrer;
    if (referrer === 'no-referrer') return '';
    if (referrer === 'client') return 'about:client';
    return referrer;
  }

  get referrerPolicy() {
    return access(this).referrerPolicy;
  }

  get mode() {
    return access(this).mode;
  }

  get credentials() {
    return access(this).credentials;
  }

  get cache() {
    return access(this).cache;
  }

  get redirect() {
    return access(this).redirect;
  }

  get integrity() {
    return access(this).integrity;
  }

  get keepalive() {
    return access(this).keepalive;
  }

  get isReloadNavigation() {
    return access(this).reloadNavigation;
  }

  get isHistoryNavigation() {
    return access(this).historyNavigation;
  }

  get signal() {
    const state = access(this);
    if (this.#signal === null) this.#signal = followingSignal(state.parentSignal);
    return this.#signal;
  }

  get body() {
    const state = access(this);
    return state.body === null ? null : getStream(state.body);
  }

  get bodyUsed() {
    return bodyDisturbed(access(this).body);
  }

  get duplex() {
    access(this);
    return 'half';
  }

  clone() {
    const state = access(this);
    if (state.body !== null && bodyUnusable(state.body)) {
      throw new TypeError('unusable');
    }
    const copy = {
      ...state,
      list: state.list.clone(),
      body: state.body === null ? null : cloneBody(state.body),
      parentSignal: this.signal,
    };
    return requestFromState(copy);
  }

  [kInspect](depth, options, inspect) {
    const fields = {
      method: this.method,
      url: this.url,
      headers: this.headers,
      destination: this.destination,
      referrer: this.referrer,
      referrerPolicy: this.referrerPolicy,
      mode: this.mode,
      credentials: this.credentials,
      cache: this.cache,
      redirect: this.redirect,
      integrity: this.integrity,
      keepalive: this.keepalive,
      isReloadNavigation: this.isReloadNavigation,
      isHistoryNavigation: this.isHistoryNavigation,
      signal: this.signal,
    };
    return `Request ${inspect(fields, options)}`;
  }

  static {
    stateOf = (value) => {
      if (!(#state in value)) throw illegalInvocation();
      return value.#state;
    };
    setState = (request, state) => { request.#state = state; };
  }
};
Object.defineProperty(Request, 'name', { value: 'Request', configurable: true });
let isRequestObject;
function isRequest(value) {
  return value !== null && typeof value === 'object' && isRequestObject(value);
}
isRequestObject = (value) => {
  try {
    stateOf(value);
    return true;
  } catch {
    return false;
  }
};

webIDL(Request, 'Request', ['method', 'url', 'headers', 'destination', 'referrer',
  'referrerPolicy', 'mode', 'credentials', 'cache', 'redirect', 'integrity', 'keepalive',
  'isReloadNavigation', 'isHistoryNavigation', 'signal', 'body', 'bodyUsed', 'duplex', 'clone']);
defineBodyMixin(Request, (value) => {
  const state = access(value);
  return { body: state.body, list: state.list };
});
// Node's Request.prototype has this stray, read-only member too.
Object.defineProperty(Request.prototype, 'attribute', { value: undefined, enumerable: true });

/** A new AbortSignal that aborts when `parent` does (with its reason). */
function followingSignal(parent) {
  // AbortSignal.any holds the follower weakly: one long-lived signal may serve many requests.
  if (parent !== null) return AbortSignal.any([parent]);
  AbortControllerClass ??= require('internal/abort_controller').AbortController;
  return new AbortControllerClass().signal;
}

function requestFromState(state) {
  const request = new Request(kConstruct);
  setState(request, state);
  return request;
}

module.exports = {
  Request,
  isRequest,
  requestFromState,
  requestState: (request) => stateOf(request),
};
