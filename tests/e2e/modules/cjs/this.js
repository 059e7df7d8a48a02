module.exports.isThisExports = this === module.exports;
