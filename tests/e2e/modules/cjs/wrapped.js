console.log('wrapped sees', typeof extra);
