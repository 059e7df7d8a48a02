module.exports = 'np-file';
