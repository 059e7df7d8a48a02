'use strict';
// node:trace_events: createTracing({ categories }) and getEnabledCategories(); the recording
// and the trace file are internal/trace_events'. As in Node, not available in workers.

const { codes } = require('internal/errors');

if (binding.config.threadId !== 0) throw new codes.ERR_TRACE_EVENTS_UNAVAILABLE();

const { createTracing, getEnabledCategories } = require('internal/trace_events');

module.exports = { createTracing, getEnabledCategories };
