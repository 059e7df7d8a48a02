module.exports = 'from NODE_PATH';
