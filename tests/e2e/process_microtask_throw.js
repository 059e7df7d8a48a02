process.on('uncaughtException', (e, origin) => console.log('caught', e.message, origin));
queueMicrotask(() => { throw new Error('in microtask'); });
queueMicrotask(() => console.log('next microtask still runs'));
process.nextTick(() => { throw new Error('in tick'); });
process.nextTick(() => console.log('next tick still runs'));
