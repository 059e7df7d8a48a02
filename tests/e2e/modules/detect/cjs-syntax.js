module.exports = 'plain cjs';
