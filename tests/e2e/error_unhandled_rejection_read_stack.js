// An error whose stack was read before it went unhandled: the arrow falls back to where
// the rejection was reported, as in Node.
const e = new Error('seen');
void e.stack;
Promise.reject(e);
