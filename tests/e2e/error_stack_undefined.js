// An uncaught error whose stack is not a string is inspected, as Node does: [Error: nostack].
const e = new Error('nostack');
e.stack = undefined;
throw e;
