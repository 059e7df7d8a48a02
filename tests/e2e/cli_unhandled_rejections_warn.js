// --unhandled-rejections=warn: warnings instead of a crash, the process runs on.
Promise.reject(new Error('boom'));
Promise.reject(42);
setTimeout(() => console.log('still alive'), 5);
