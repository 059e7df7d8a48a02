for (const name of ['a', 'b', 'c', 'd']) setTimeout(() => console.log(name), 10);
setTimeout(() => console.log('zero delay is 1ms'), 0);
setTimeout(() => console.log('one'), 1);
