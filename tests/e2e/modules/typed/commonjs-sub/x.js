module.exports = 'commonjs sub';
