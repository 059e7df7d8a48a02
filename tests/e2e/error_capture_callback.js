process.setUncaughtExceptionCaptureCallback((err) => {
  console.log('captured', err.message);
});
console.log(process.hasUncaughtExceptionCaptureCallback());
try {
  process.setUncaughtExceptionCaptureCallback(() => {});
} catch (e) {
  console.log(e.code);
}
throw new Error('to the callback');
