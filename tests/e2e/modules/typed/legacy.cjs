module.exports = 'cjs in esm package';
