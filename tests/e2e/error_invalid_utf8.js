console.log("café ÿþ end");
