// NaN, negative and too-large delays become 1 ms (the last with a TimeoutOverflowWarning);
// strings are converted; fractions round up. Delays are far apart so the order is stable.
const order = [];
setTimeout(() => order.push('NaN'), NaN);
setTimeout(() => order.push('negative'), -5);
setTimeout(() => order.push('string 30'), '30');
setTimeout(() => order.push('float 15.5'), 15.5);
setTimeout(() => order.push('huge'), 2 ** 31);
setTimeout(() => console.log(order.join(', ')), 80);
