module.exports = 'multi dot';
