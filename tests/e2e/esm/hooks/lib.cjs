exports.kind = "commonjs"; exports.sum = (a, b) => a + b;
