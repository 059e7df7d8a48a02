console.log('started from', require('path').basename(__filename), require.main === module);
