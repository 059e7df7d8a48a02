exports.partial = true;
throw new Error('boom in throws.js');
