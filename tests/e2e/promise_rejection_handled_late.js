// A rejection handled after it was reported: 'rejectionHandled' when listened to, otherwise
// Node's PromiseRejectionHandledWarning (with the rejection's id).
process.on('unhandledRejection', (reason) => console.log('unhandled', reason.message));
const p1 = Promise.reject(new Error('first'));
const p2 = Promise.reject(new Error('second'));
setTimeout(() => {
  p1.catch(() => console.log('p1 caught late'));
  setTimeout(() => {
    process.on('rejectionHandled', (p) => console.log('rejectionHandled', p === p2));
    p2.catch(() => console.log('p2 caught late'));
  }, 30);
}, 30);
