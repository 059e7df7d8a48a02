'use strict';
// A session on this thread's V8 inspector that user code never sees, for the diagnostics Eddy
// runs itself (NODE_V8_COVERAGE, --cpu-prof, --heap-prof). V8 answers inside dispatch(), before
// post() returns, so a command's result comes back synchronously.

/** Opens a session: `{ post(method, params) -> result, close() }`; a protocol error throws. */
function open() {
  let last = null;
  const session = binding.inspector.connect((text) => {
    const message = JSON.parse(text);
    if (message.id === 1) last = message;
  }, true);
  return {
    post(method, params) {
      last = null;
      binding.inspector.dispatch(session, JSON.stringify({ id: 1, method, params }));
      if (last === null || last.error) {
        throw new Error(`${method}: ${last === null ? 'no answer' : last.error.message}`);
      }
      return last.result;
    },
    close() {
      binding.inspector.disconnect(session);
    },
  };
}

module.exports = { open };
