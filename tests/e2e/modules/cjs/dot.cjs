module.exports = 'dot cjs';
