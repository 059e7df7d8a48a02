// --unhandled-rejections=warn-with-error-code: warnings, then exit code 1.
Promise.reject(new Error('boom'));
Promise.reject(42);
setTimeout(() => console.log('still alive'), 5);
