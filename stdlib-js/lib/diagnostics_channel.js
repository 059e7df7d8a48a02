'use strict';
// node:diagnostics_channel - named channels that libraries publish messages to and tools
// subscribe to, with stores (AsyncLocalStorage) bound to channels and TracingChannel's
// start/end/asyncStart/asyncEnd/error events around sync, callback and promise work.

const { codes } = require('internal/errors');

const channels = new Map();

function validateFunction(fn, name) {
  if (typeof fn !== 'function') throw new codes.ERR_INVALID_ARG_TYPE(name, 'Function', fn);
}

class Channel {
  constructor(name) {
    this._subscribers = undefined;
    this._stores = undefined;
    this.name = name;
  }

  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    this._subscribers = this._subscribers === undefined ? [subscription]
      : [...this._subscribers, subscription];
  }

  unsubscribe(subscription) {
    if (this._subscribers === undefined) return false;
    const index = this._subscribers.indexOf(subscription);
    if (index === -1) return false;
    const next = this._subscribers.slice();
    next.splice(index, 1);
    this._subscribers = next.length === 0 ? undefined : next;
    return true;
  }

  bindStore(store, transform) {
    if (this._stores === undefined) this._stores = new Map();
    this._stores.set(store, transform);
  }

  unbindStore(store) {
    if (this._stores === undefined || !this._stores.has(store)) return false;
    this._stores.delete(store);
    if (this._stores.size === 0) this._stores = undefined;
    return true;
  }

  get hasSubscribers() {
    return this._subscribers !== undefined || this._stores !== undefined;
  }

  publish(data) {
    const subscribers = this._subscribers;
    if (subscribers === undefined) return;
    for (const subscriber of subscribers) {
      try {
        subscriber(data, this.name);
      } catch (err) {
        // A subscriber's error must not break the publisher: report it as uncaught, later.
        process.nextTick(() => { throw err; });
      }
    }
  }

  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    if (this._stores !== undefined) {
      for (const [store, transform] of this._stores) {
        const next = run;
        let value = data;
        if (typeof transform === 'function') {
          try {
            value = transform(data);
          } catch (err) {
            process.nextTick(() => { throw err; });
            continue;
          }
        }
        run = () => store.run(value, next);
      }
    }
    return run();
  }
}

function validateName(name) {
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new codes.ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  }
}

function channel(name) {
  validateName(name);
  let ch = channels.get(name);
  if (ch === undefined) {
    ch = new Channel(name);
    channels.set(name, ch);
  }
  return ch;
}

function hasSubscribers(name) {
  validateName(name);
  const ch = channels.get(name);
  return ch !== undefined && ch.hasSubscribers;
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  return channel(name).unsubscribe(subscription);
}

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

class TracingChannel {
  #channels;

  constructor(nameOrChannels) {
    const chans = {};
    if (typeof nameOrChannels === 'string') {
      for (const event of traceEvents) chans[event] = channel(`tracing:${nameOrChannels}:${event}`);
    } else if (nameOrChannels !== null && typeof nameOrChannels === 'object') {
      for (const event of traceEvents) {
        const ch = nameOrChannels[event];
        if (!(ch instanceof Channel)) {
          throw new codes.ERR_INVALID_ARG_TYPE(`nameOrChannels.${event}`, 'Channel', ch);
        }
        chans[event] = ch;
      }
    } else {
      throw new codes.ERR_INVALID_ARG_TYPE('nameOrChannels',
        ['string', 'object', 'TracingChannel'], nameOrChannels);
    }
    this.#channels = chans;
  }

  get start() { return this.#channels.start; }
  get end() { return this.#channels.end; }
  get asyncStart() { return this.#channels.asyncStart; }
  get asyncEnd() { return this.#channels.asyncEnd; }
  get error() { return this.#channels.error; }

  get hasSubscribers() {
    return traceEvents.some((event) => this.#channels[event].hasSubscribers);
  }

  subscribe(handlers) {
    for (const event of traceEvents) {
      if (handlers[event]) this.#channels[event].subscribe(handlers[event]);
    }
  }

  unsubscribe(handlers) {
    let done = true;
    for (const event of traceEvents) {
      if (handlers[event] && !this.#channels[event].unsubscribe(handlers[event])) done = false;
    }
    return done;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, error } = this.#channels;
    return start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this.#channels;
    const resolve = (result) => {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    };
    const reject = (err) => {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      throw err;
    };
    return start.runStores(context, () => {
      try {
        const promise = Reflect.apply(fn, thisArg, args);
        return Promise.resolve(promise).then(resolve, reject);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this.#channels;
    const index = position < 0 ? args.length + position : position;
    const callback = args[index];
    validateFunction(callback, 'callback');
    args[index] = function wrappedCallback(err, result) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = result;
      }
      return asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback, this, arguments);
        } finally {
          asyncEnd.publish(context);
        }
      });
    };
    return start.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
